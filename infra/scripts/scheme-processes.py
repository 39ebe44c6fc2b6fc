#!/usr/bin/env python3
"""Writes workflows/tech-upgrade.bpmn, smart-factory.bpmn and green-park.bpmn.

The three project schemes share one process shape (review, then the funded project's lifecycle) and differ
only in names and texts, so this script is their source: change it and run
`python3 infra/scripts/scheme-processes.py`, never edit the three files by hand. Every shape and edge gets
diagram interchange (sub-processes expanded), so the files open in bpmn-js and Camunda Modeler.
"""
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

SCHEMES = [
    dict(key="tech-upgrade",
         name="Technology upgrade project (技术改造项目)",
         site_check="Site check 现场核查",
         doc="A tech-upgrade application from submission to closure: formal check, district review with return for "
             "supplement and a deadline, an expert panel that declares conflicts of interest before scoring on the rubric "
             "(trimmed mean; drawn at random in the rule set's mix, a recusal replaced from the pool, the department asked when "
             "the quorum is out of reach), site check, the approved amount = min(rate x eligible investment, cap, budget left), joint "
             "review, public notice for the rule set's working days with signed objections, approval. "),
    dict(key="smart-factory",
         name="Smart factory project (智能工厂/数字化车间项目)",
         site_check="On-site assessment 现场评估",
         doc="A smart-factory application from submission to closure: formal check, district review with return for "
             "supplement and a deadline, expert panel (conflict of interest first, rubric scores, trimmed mean), on-site "
             "assessment of the digital workshop, the approved amount from the rule set, joint review, public notice with "
             "signed objections, approval. "),
    dict(key="green-park",
         name="Green park and green factory project (绿色园区/绿色工厂项目)",
         site_check="Energy audit check 节能量核查",
         doc="A green-park application from submission to closure: formal check, district review with return for "
             "supplement and a deadline, expert panel (conflict of interest first, rubric scores), energy audit check of "
             "the tonnes of standard coal saved, the subsidy per tonne or by title from the rule set, joint review, public "
             "notice with signed objections, approval. "),
]

LIFECYCLE_DOC = (
    "Then the budget is reserved and the project approved; the applicant signs the agreement and names the payee; the "
    "first installment is paid (installment-payment); building starts for the rule set's months with a progress report "
    "every quarter and an annual report every year, change or extension requests reviewed by the department, and (loan-interest subsidy) an installment "
    "of the rule's share of the interest each time the applicant files evidence of interest paid; the applicant requests acceptance "
    "with the audit report before the window after the build period closes (an approved extension moves it; an "
    "overrun is recovered); acceptance review; the accepted amount (cut pro rata on a shortfall) is settled, the rest "
    "paid and any overpayment reclaimed; performance evaluation; closed and the unused budget released. A recovery "
    "ordered at any point after payment, a failed acceptance or an overrun recovers the funds and sanctions the "
    "enterprise and the project leader.")

TASK, SERVICE, USER = "task", "serviceTask", "userTask"

# The enterprise's steps are offered to everyone acting for the applying enterprise (its group, set as the variable
# enterpriseGroup when the application is submitted), so a colleague may take them as well as the user who submitted.
ENTERPRISE = "${enterpriseGroup}"


class Scope:
    """Elements and flows of a process or sub-process, with their diagram."""

    def __init__(self):
        self.elements = []  # xml strings, in order
        self.flows = []
        self.shapes = []
        self.edges = []

    def shape(self, id_, x, y, w, h, extra=""):
        self.shapes.append(f'<bpmndi:BPMNShape id="{id_}_di" bpmnElement="{id_}"{extra}><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>')

    def start(self, id_, name, x, y):
        self.elements.append(f'<bpmn:startEvent id="{id_}" name={quoteattr(name)} />')
        self.shape(id_, x, y, 36, 36)

    def end(self, id_, name, x, y, terminate=False):
        inner = "<bpmn:terminateEventDefinition />" if terminate else ""
        self.elements.append(f'<bpmn:endEvent id="{id_}" name={quoteattr(name)}>{inner}</bpmn:endEvent>' if inner
                             else f'<bpmn:endEvent id="{id_}" name={quoteattr(name)} />')
        self.shape(id_, x, y, 36, 36)

    def service(self, id_, name, topic, x, y):
        self.elements.append(f'<bpmn:serviceTask id="{id_}" name={quoteattr(name)} camunda:type="external" camunda:topic="{topic}" />')
        self.shape(id_, x, y, 100, 80)

    def user(self, id_, name, x, y, inner="", w=100, h=80, **attrs):
        text = "".join(f' camunda:{k}={quoteattr(v)}' for k, v in attrs.items())
        self.elements.append(f'<bpmn:userTask id="{id_}" name={quoteattr(name)}{text}>{inner}</bpmn:userTask>' if inner
                             else f'<bpmn:userTask id="{id_}" name={quoteattr(name)}{text} />')
        self.shape(id_, x, y, w, h)

    def call(self, id_, name, called, x, y, w=100, h=80):
        self.elements.append(f'<bpmn:callActivity id="{id_}" name={quoteattr(name)} calledElement="{called}" />')
        self.shape(id_, x, y, w, h)

    def gateway(self, id_, name, x, y, default=None):
        d = f' default="{default}"' if default else ""
        self.elements.append(f'<bpmn:exclusiveGateway id="{id_}" name={quoteattr(name)}{d} />')
        self.shape(id_, x, y, 50, 50, ' isMarkerVisible="true"')

    def timer_catch(self, id_, name, kind, value, x, y):
        self.elements.append(f'<bpmn:intermediateCatchEvent id="{id_}" name={quoteattr(name)}><bpmn:timerEventDefinition>'
                             f'<bpmn:{kind}>{escape(value)}</bpmn:{kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>')
        self.shape(id_, x, y, 36, 36)

    def boundary(self, id_, name, attached, x, y, timer=None, message=None, interrupting=True):
        cancel = "" if interrupting else ' cancelActivity="false"'
        if timer:
            kind, value = timer
            inner = f'<bpmn:timerEventDefinition><bpmn:{kind}>{escape(value)}</bpmn:{kind}></bpmn:timerEventDefinition>'
        else:
            inner = f'<bpmn:messageEventDefinition messageRef="{message}" />'
        self.elements.append(f'<bpmn:boundaryEvent id="{id_}" name={quoteattr(name)}{cancel} attachedToRef="{attached}">{inner}</bpmn:boundaryEvent>')
        self.shape(id_, x, y, 36, 36)

    def sub(self, id_, name, x, y, w, h, scope):
        body = "\n".join("      " + e for e in scope.elements + scope.flows)
        self.elements.append(f'<bpmn:subProcess id="{id_}" name={quoteattr(name)}>\n{body}\n    </bpmn:subProcess>')
        self.shape(id_, x, y, w, h, ' isExpanded="true"')
        self.shapes.extend(scope.shapes)
        self.edges.extend(scope.edges)

    def flow(self, id_, source, target, points, name=None, condition=None):
        n = f" name={quoteattr(name)}" if name else ""
        if condition:
            self.flows.append(f'<bpmn:sequenceFlow id="{id_}"{n} sourceRef="{source}" targetRef="{target}"><bpmn:conditionExpression '
                              f'xsi:type="bpmn:tFormalExpression">{escape(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>')
        else:
            self.flows.append(f'<bpmn:sequenceFlow id="{id_}"{n} sourceRef="{source}" targetRef="{target}" />')
        self.edges.append(f'<bpmndi:BPMNEdge id="{id_}_di" bpmnElement="{id_}">'
                          + "".join(f'<di:waypoint x="{px}" y="{py}" />' for px, py in points) + "</bpmndi:BPMNEdge>")


def review(p, site_check):
    """Submission to approval (issue 5, first part). Element ids are kept so running instances can migrate."""
    p.start("submitted", "Submitted 已申报", 132, 82)
    p.service("formalCheck", "Formal check 形式审查", "application.formal-check", 250, 60)
    p.user("districtReview", "District review 区级初审", 400, 60, candidateGroups="district-reviewer", dueDate="${districtDueAt}", formKey="funding/district-review", formRef="district-review")
    p.gateway("districtDecision", "Recommended? 是否推荐", 575, 75, default="toPanel")
    p.service("assignPanel", "Assign expert panel 抽取专家", "panel.assign", 700, 60)
    p.user("expertReview", "Expert review 专家评审", 850, 60,
           inner='<bpmn:multiInstanceLoopCharacteristics camunda:collection="experts" camunda:elementVariable="expert" />',
           assignee="${expert}", dueDate="P7D", formKey="funding/expert-review", formRef="expert-review")
    p.service("concludePanel", "Panel result 评审结论", "panel.conclude", 1000, 60)
    p.gateway("panelDecision", "Passed? 是否通过", 1175, 75, default="toSiteCheck")
    # Below the quorum (recusals the pool could not replace, or a pool too small to draw from) the department adds
    # experts to the pool and redraws the empty seats, or decides the file: never a faulted panel.
    p.user("panelShortage", "Panel short of experts 专家不足", 1000, 190, candidateGroups="dept-approver", dueDate="P10D",
           formKey="funding/panel-shortage", formRef="panel-shortage")
    p.gateway("shortageDecision", "Redraw? 是否补抽", 1125, 205, default="redrawPanel")
    p.user("siteCheck", site_check, 1300, 60, candidateGroups="dept-approver", dueDate="P10D", formKey="funding/site-check", formRef="site-check")
    p.gateway("siteDecision", "Site OK? 核查通过", 1475, 75, default="toCalculate")
    p.service("calculateSubsidy", "Calculate subsidy 核定金额", "subsidy.calculate", 1600, 60)
    p.user("jointReview", "Joint review 联合审查", 1750, 60, candidateGroups="dept-approver", dueDate="P10D", formKey="funding/joint-review", formRef="joint-review")
    p.gateway("jointDecision", "Approved? 同意支持", 1925, 75, default="toNotice")
    p.service("publishNotice", "Public notice 公示", "notice.publish", 2050, 60)
    p.timer_catch("noticePeriod", "Notice period ends 公示期满", "timeDate", "${noticeEndsAt}", 2232, 82)
    p.service("closeNotice", "Close notice 公示结束", "notice.close", 2350, 60)
    p.gateway("objectionCheck", "Objections? 有无异议", 2525, 75, default="toReserveBudget")
    p.user("reviewObjections", "Review objections 异议处理", 2500, 190, candidateGroups="dept-approver", dueDate="P10D", formKey="funding/objections", formRef="objections")
    p.gateway("objectionDecision", "Upheld? 异议成立", 2675, 205, default="toReserveBudgetAfterObjections")
    p.service("returnForSupplement", "Return for supplement 退回补正", "application.return", 550, 190)
    p.user("supplement", "Supplement the file 补正材料", 700, 190, candidateGroups=ENTERPRISE, formKey="funding/supplement", formRef="supplement")
    p.boundary("supplementDeadline", "Deadline 补正期限", "supplement", 762, 252, timer=("timeDate", "${supplementDueAt}"))
    p.service("resubmitted", "Resubmitted 重新提交", "application.resubmit", 850, 190)
    p.service("lapse", "Lapsed 逾期未补正", "application.lapse", 700, 320)
    p.end("lapsed", "Lapsed 已失效", 882, 342)
    p.service("reject", "Reject 不予支持", "application.reject", 1600, 320)
    p.end("rejected", "Rejected 未通过", 1782, 342)

    p.flow("toFormalCheck", "submitted", "formalCheck", [(168, 100), (250, 100)])
    p.flow("toDistrictReview", "formalCheck", "districtReview", [(350, 100), (400, 100)])
    p.flow("toDistrictDecision", "districtReview", "districtDecision", [(500, 100), (575, 100)])
    p.flow("returned", "districtDecision", "returnForSupplement", [(600, 125), (600, 190)], "return 退回", "${districtOutcome == 'return'}")
    p.flow("notRecommended", "districtDecision", "reject", [(600, 125), (375, 360), (1650, 360), (1600, 360)], "not recommended 不推荐", "${districtOutcome == 'reject'}")
    p.flow("toPanel", "districtDecision", "assignPanel", [(625, 100), (700, 100)])
    p.flow("toExpertReview", "assignPanel", "expertReview", [(800, 100), (850, 100)])
    p.flow("toConcludePanel", "expertReview", "concludePanel", [(950, 100), (1000, 100)])
    p.flow("toPanelDecision", "concludePanel", "panelDecision", [(1100, 100), (1175, 100)])
    p.flow("panelShort", "panelDecision", "panelShortage", [(1200, 125), (1200, 160), (1050, 160), (1050, 190)], "below quorum 不足法定人数", "${!panelQuorate}")
    p.flow("panelFailed", "panelDecision", "reject", [(1200, 125), (1200, 340), (1620, 340), (1600, 360)], "below pass score 未达分数线",
           "${panelQuorate && !panelPassed}")
    p.flow("toShortageDecision", "panelShortage", "shortageDecision", [(1100, 230), (1125, 230)])
    p.flow("redrawPanel", "shortageDecision", "assignPanel", [(1150, 205), (1150, 175), (760, 175), (760, 140)], "redraw 补抽")
    p.flow("shortageRejected", "shortageDecision", "reject", [(1175, 230), (1640, 230), (1640, 320)], "reject 不予支持",
           "${panelShortageOutcome == 'reject'}")
    p.flow("toSiteCheck", "panelDecision", "siteCheck", [(1225, 100), (1300, 100)])
    p.flow("toSiteDecision", "siteCheck", "siteDecision", [(1400, 100), (1475, 100)])
    p.flow("siteFailed", "siteDecision", "reject", [(1500, 125), (1500, 350), (1600, 360)], "site check failed 核查未通过", "${siteOutcome == 'fail'}")
    p.flow("toCalculate", "siteDecision", "calculateSubsidy", [(1525, 100), (1600, 100)])
    p.flow("toJointReview", "calculateSubsidy", "jointReview", [(1700, 100), (1750, 100)])
    p.flow("toJointDecision", "jointReview", "jointDecision", [(1850, 100), (1925, 100)])
    p.flow("jointRejected", "jointDecision", "reject", [(1950, 125), (1950, 360), (1700, 360), (1700, 360)], "rejected 不同意", "${jointOutcome == 'reject'}")
    p.flow("toNotice", "jointDecision", "publishNotice", [(1975, 100), (2050, 100)])
    p.flow("toNoticePeriod", "publishNotice", "noticePeriod", [(2150, 100), (2232, 100)])
    p.flow("toCloseNotice", "noticePeriod", "closeNotice", [(2268, 100), (2350, 100)])
    p.flow("toObjectionCheck", "closeNotice", "objectionCheck", [(2450, 100), (2525, 100)])
    p.flow("hasObjections", "objectionCheck", "reviewObjections", [(2550, 125), (2550, 190)], "objections 有异议", "${hasObjections}")
    p.flow("toReserveBudget", "objectionCheck", "reserveBudget", [(2575, 100), (2800, 100)])
    p.flow("toObjectionDecision", "reviewObjections", "objectionDecision", [(2600, 230), (2675, 230)])
    p.flow("objectionUpheld", "objectionDecision", "reject", [(2700, 255), (2700, 360), (1720, 360), (1700, 360)], "upheld 异议成立", "${objectionUpheld}")
    p.flow("toReserveBudgetAfterObjections", "objectionDecision", "reserveBudget", [(2725, 230), (2850, 140)])
    p.flow("toSupplement", "returnForSupplement", "supplement", [(650, 230), (700, 230)])
    p.flow("toResubmitted", "supplement", "resubmitted", [(800, 230), (850, 230)])
    p.flow("backToDistrictReview", "resubmitted", "districtReview", [(900, 190), (900, 170), (450, 170), (450, 140)], "resubmitted 重新提交")
    p.flow("deadlineMissed", "supplementDeadline", "lapse", [(780, 288), (750, 320)])
    p.flow("toLapsed", "lapse", "lapsed", [(800, 360), (882, 360)])
    p.flow("toRejected", "reject", "rejected", [(1700, 360), (1782, 360)])


def building():
    """Inside the build period: acceptance is requested once; progress reports every quarter and change requests meanwhile."""
    b = Scope()
    b.start("buildingStarted", "Building 建设中", 592, 582)
    b.user("requestAcceptance", "Request acceptance 申请验收", 680, 560,
           candidateGroups=ENTERPRISE, dueDate="${acceptanceDueAt}", formKey="funding/acceptance-request", formRef="acceptance-request")
    b.boundary("progressDue", "Every quarter 每季度", "requestAcceptance", 682, 622, timer=("timeCycle", "R/P3M"), interrupting=False)
    b.boundary("changeRequested", "Change requested 变更申请", "requestAcceptance", 742, 622, message="changeRequestedMessage", interrupting=False)
    b.boundary("annualDue", "Every year 每年度", "requestAcceptance", 682, 542, timer=("timeCycle", "R/P1Y"), interrupting=False)
    b.user("annualReport", "Annual report 年度报告", 570, 640, w=70, h=40, candidateGroups=ENTERPRISE, dueDate="P30D",
           formKey="funding/annual-report", formRef="annual-report")
    b.end("annualFiled", "Annual report filed 年报已报送", 587, 700)
    b.flow("toAnnualReport", "annualDue", "annualReport", [(682, 560), (575, 560), (575, 640)])
    b.flow("toAnnualFiled", "annualReport", "annualFiled", [(605, 680), (605, 700)])
    b.boundary("interestEvidenceFiled", "Interest evidence filed 付息凭证", "requestAcceptance", 712, 542, message="interestEvidenceMessage", interrupting=False)
    b.end("buildingDone", "Acceptance requested 已申请验收", 1112, 582, terminate=True)
    b.user("progressReport", "Progress report 进度报告", 650, 680, candidateGroups=ENTERPRISE, dueDate="P15D", formKey="funding/progress-report", formRef="progress-report")
    b.end("progressFiled", "Report filed 已报送", 682, 782)
    b.user("reviewChange", "Review change request 变更审核", 820, 680, candidateGroups="dept-approver", dueDate="P10D", formKey="funding/change-review", formRef="change-review")
    b.service("applyChange", "Apply the change 变更生效", "change.apply", 970, 680)
    b.end("changeDecided", "Change decided 变更办结", 1112, 702)
    b.flow("toRequestAcceptance", "buildingStarted", "requestAcceptance", [(628, 600), (680, 600)])
    b.flow("toBuildingDone", "requestAcceptance", "buildingDone", [(780, 600), (1112, 600)])
    b.flow("toProgressReport", "progressDue", "progressReport", [(700, 658), (700, 680)])
    b.flow("toProgressFiled", "progressReport", "progressFiled", [(700, 760), (700, 782)])
    b.flow("toReviewChange", "changeRequested", "reviewChange", [(760, 658), (760, 720), (820, 720)])
    b.flow("toApplyChange", "reviewChange", "applyChange", [(920, 720), (970, 720)])
    b.flow("toChangeDecided", "applyChange", "changeDecided", [(1070, 720), (1112, 720)])
    b.call("interestInstallment", "Interest subsidy installment 贴息拨付", "installment-payment", 820, 526, h=50)
    b.end("interestPaid", "Interest subsidy paid 贴息已拨付", 972, 533)
    b.flow("toInterestInstallment", "interestEvidenceFiled", "interestInstallment", [(748, 560), (790, 560), (790, 551), (820, 551)])
    b.flow("toInterestPaid", "interestInstallment", "interestPaid", [(920, 551), (972, 551)])
    return b


def project():
    """From the first installment to closure; the recovery boundary of the caller interrupts all of it."""
    s = Scope()
    s.start("projectStarted", "Agreement signed 协议已签", 182, 642)
    s.call("firstInstallment", "First installment 首期拨付", "installment-payment", 260, 620)
    s.service("startBuilding", "Start building 开工建设", "project.start-building", 410, 620)
    s.sub("building", "Build period 建设期", 560, 520, 640, 330, building())
    s.boundary("acceptanceDeadline", "Acceptance window closes 验收期限届满", "building", 1082, 832, timer=("timeDate", "${acceptanceDueAt}"))
    s.service("checkDeadline", "Check the deadline 核对期限", "acceptance.deadline", 1050, 890)
    s.gateway("deadlineDecision", "Extended? 是否已延期", 1195, 905)
    s.end("overrun", "Overrun 逾期未验收", 1302, 912)
    s.service("acceptanceRequested", "Acceptance requested 验收申请", "acceptance.requested", 1250, 645)
    s.user("acceptanceReview", "Acceptance review 项目验收", 1400, 645, candidateGroups="dept-approver", dueDate="P30D", formKey="funding/acceptance-review", formRef="acceptance-review")
    s.gateway("acceptanceDecision", "Passed? 验收通过", 1545, 660)
    s.end("acceptanceFailed", "Acceptance failed 验收不合格", 1552, 782)
    s.service("settleAcceptance", "Settle the amount 核定清算", "acceptance.settle", 1640, 645)
    s.call("finalInstallment", "Final installment 尾款拨付", "installment-payment", 1790, 645)
    s.service("reclaimOverpayment", "Reclaim any overpayment 多拨追回", "recovery.open", 1940, 645)
    s.user("evaluation", "Performance evaluation 绩效评价", 2090, 645, candidateGroups="dept-approver", dueDate="P30D", formKey="funding/evaluation", formRef="evaluation")
    s.service("closeProject", "Close the project 项目结项", "project.close", 2240, 645)
    s.end("projectDone", "Closed 已结项", 2392, 667)
    s.flow("toFirstInstallment", "projectStarted", "firstInstallment", [(218, 660), (260, 660)])
    s.flow("toStartBuilding", "firstInstallment", "startBuilding", [(360, 660), (410, 660)])
    s.flow("toBuilding", "startBuilding", "building", [(510, 660), (560, 660)])
    s.flow("toCheckDeadline", "acceptanceDeadline", "checkDeadline", [(1100, 868), (1100, 890)])
    s.flow("toDeadlineDecision", "checkDeadline", "deadlineDecision", [(1150, 930), (1195, 930)])
    s.flow("extended", "deadlineDecision", "building", [(1220, 905), (1220, 870), (1160, 870), (1160, 850)],
           "extended: keep building 已延期", "${acceptanceExtended}")
    s.flow("toOverrun", "deadlineDecision", "overrun", [(1245, 930), (1302, 930)], "overrun 逾期", "${!acceptanceExtended}")
    s.flow("toAcceptanceRequested", "building", "acceptanceRequested", [(1200, 685), (1250, 685)])
    s.flow("toAcceptanceReview", "acceptanceRequested", "acceptanceReview", [(1350, 685), (1400, 685)])
    s.flow("toAcceptanceDecision", "acceptanceReview", "acceptanceDecision", [(1500, 685), (1545, 685)])
    s.flow("accepted", "acceptanceDecision", "settleAcceptance", [(1595, 685), (1640, 685)], "pass 通过", "${acceptanceOutcome == 'pass'}")
    s.flow("notAccepted", "acceptanceDecision", "acceptanceFailed", [(1570, 710), (1570, 782)], "fail 不通过", "${acceptanceOutcome == 'fail'}")
    s.flow("toFinalInstallment", "settleAcceptance", "finalInstallment", [(1740, 685), (1790, 685)])
    s.flow("toReclaimOverpayment", "finalInstallment", "reclaimOverpayment", [(1890, 685), (1940, 685)])
    s.flow("toEvaluation", "reclaimOverpayment", "evaluation", [(2040, 685), (2090, 685)])
    s.flow("toCloseProject", "evaluation", "closeProject", [(2190, 685), (2240, 685)])
    s.flow("toProjectDone", "closeProject", "projectDone", [(2340, 685), (2392, 685)])
    return s


def lifecycle(p):
    """Approval to closure (issue 5, second part)."""
    p.service("reserveBudget", "Reserve budget 预算占用", "budget.reserve", 2800, 60)
    p.service("approve", "Approve 批准立项", "application.approve", 2950, 60)
    p.user("signAgreement", "Sign the agreement 签订协议", 3100, 60, candidateGroups=ENTERPRISE, dueDate="P30D", formKey="funding/agreement", formRef="agreement")
    p.sub("project", "Funded project 项目实施", 150, 480, 2330, 540, project())
    p.boundary("recoveryOrdered", "Recovery ordered 责令追回", "project", 1782, 1002, message="recoveryOrderedMessage")
    p.gateway("projectOutcome", "Closed? 是否结项", 2530, 725)
    p.service("releaseBudget", "Release unused budget 释放预算", "budget.release", 2630, 710)
    p.end("closed", "Closed 已结项", 2782, 732)
    p.service("recoverFunds", "Recover and sanction 追回并惩戒", "project.recover", 2630, 1060)
    p.service("openRecovery", "Open the recovery 追缴", "recovery.open", 2780, 1060)
    p.end("recovered", "Recovered 已追回", 2932, 1082)
    p.flow("toApprove", "reserveBudget", "approve", [(2900, 100), (2950, 100)])
    p.flow("toSignAgreement", "approve", "signAgreement", [(3050, 100), (3100, 100)])
    p.flow("toProject", "signAgreement", "project", [(3150, 140), (3150, 440), (110, 440), (110, 750), (150, 750)])
    p.flow("toProjectOutcome", "project", "projectOutcome", [(2480, 750), (2530, 750)])
    p.flow("projectClosed", "projectOutcome", "releaseBudget", [(2580, 750), (2630, 750)], "closed 结项", "${projectClosed}")
    p.flow("projectFailed", "projectOutcome", "recoverFunds", [(2555, 775), (2555, 1100), (2630, 1100)],
           "failed acceptance or overrun 验收不合格或逾期", "${!projectClosed}")
    p.flow("toClosed", "releaseBudget", "closed", [(2730, 750), (2782, 750)])
    p.flow("recoveryOrderedFlow", "recoveryOrdered", "recoverFunds", [(1800, 1038), (1800, 1120), (2630, 1120)])
    p.flow("toOpenRecovery", "recoverFunds", "openRecovery", [(2730, 1100), (2780, 1100)])
    p.flow("toRecovered", "openRecovery", "recovered", [(2880, 1100), (2932, 1100)])


def render(scheme):
    p = Scope()
    review(p, scheme["site_check"])
    lifecycle(p)
    key = scheme["key"]
    body = "\n".join("    " + e for e in p.elements + p.flows)
    di = "\n".join("      " + e for e in p.shapes + p.edges)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by infra/scripts/scheme-processes.py: edit that script, not this file. -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="{key}-definitions"
                  targetNamespace="https://projectworkflow.example/workflows">
  <bpmn:message id="changeRequestedMessage" name="change.requested" />
  <bpmn:message id="interestEvidenceMessage" name="interest.evidence-filed" />
  <bpmn:message id="recoveryOrderedMessage" name="recovery.ordered" />
  <bpmn:process id="{key}" name={quoteattr(scheme["name"])} isExecutable="true">
    <bpmn:documentation>{escape(scheme["doc"] + LIFECYCLE_DOC)}</bpmn:documentation>
{body}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="{key}-diagram">
    <bpmndi:BPMNPlane id="{key}-plane" bpmnElement="{key}">
{di}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
"""


if __name__ == "__main__":
    folder = Path(__file__).resolve().parents[2] / "workflows"
    for scheme in SCHEMES:
        (folder / f"{scheme['key']}.bpmn").write_text(render(scheme), encoding="utf-8")
        print(f"wrote workflows/{scheme['key']}.bpmn")
