using ProjectWorkflow.Funding.Ledger;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Web.Tests.Messaging;
using ProjectWorkflow.Web.Tests.Workflows;

namespace ProjectWorkflow.Web.Tests.Ledger;

/// <summary>
/// An approved project and a small parent process that reserves its budget and calls installment-payment,
/// as the scheme processes do after approval.
/// </summary>
internal static class LedgerStory
{
    public const string ParentKey = "ledger-test-first-installment";

    private static readonly string ParentXml = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="{ParentKey}-definitions" targetNamespace="https://projectworkflow.example/tests">
          <bpmn:process id="{ParentKey}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approveProject" camunda:candidateGroups="dept-approver" />
            <bpmn:serviceTask id="reserve" camunda:type="external" camunda:topic="budget.reserve" />
            <bpmn:callActivity id="firstInstallment" calledElement="installment-payment" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approveProject" />
            <bpmn:sequenceFlow id="f2" sourceRef="approveProject" targetRef="reserve" />
            <bpmn:sequenceFlow id="f3" sourceRef="reserve" targetRef="firstInstallment" />
            <bpmn:sequenceFlow id="f4" sourceRef="firstInstallment" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A one-line test process: a dept-approver's task, then the given service task topic.</summary>
    public static string ApproveThen(string key, string topic) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="{key}-definitions" targetNamespace="https://projectworkflow.example/tests">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approveProject" camunda:candidateGroups="dept-approver" />
            <bpmn:serviceTask id="step" camunda:type="external" camunda:topic="{topic}" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approveProject" />
            <bpmn:sequenceFlow id="f2" sourceRef="approveProject" targetRef="step" />
            <bpmn:sequenceFlow id="f3" sourceRef="step" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task DeployAsync(HttpClient admin, string xml)
    {
        var deployed = await WorkflowApi.DeployApprovedAsync(admin, xml);
        Assert.True(deployed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync());
    }

    /// <summary>An approved tech-upgrade project of 2026 (straight into the database: the review is not what these tests are about).</summary>
    public static async Task<FundingApplication> ApprovedProjectAsync(MessagingApp app, long approvedFen, string createdBy = "enterprise1", int year = 2026)
    {
        var code = "9131" + $"{Guid.NewGuid():N}"[..13].ToUpperInvariant();
        var enterprise = Enterprise.Register(Uscc.Parse(code + Uscc.CheckCharacter(code)), "上海精密机械制造有限公司", "上海", "seed", DateTimeOffset.UtcNow, firstMember: $"member-{Guid.NewGuid():N}"[..20]);
        var now = DateTimeOffset.UtcNow;
        var application = FundingApplication.Draft($"TU-{year}-L{Guid.NewGuid():N}"[..20], "tech-upgrade", year, enterprise.Id, enterprise.Uscc, createdBy, now);
        application.Revise(new DraftChanges { ProjectName = "数控机床智能化改造" }, now);
        await app.QueryAsync(async db =>
        {
            // The payee is the enterprise itself, paid to the account registered (and approved) for it.
            db.Add(enterprise);
            var account = enterprise.RequestBankAccount("上海银行", "31050161393600000001", "enterprise-user", DateTimeOffset.UtcNow);
            account.Approve("finance-staff", actsForEnterprise: false, DateTimeOffset.UtcNow);
            db.Add(account);
            db.Add(application);
            // Approved without its review (set straight on the row, as the review would have left it).
            db.Entry(application).Property(a => a.Status).CurrentValue = ApplicationStatus.Approved;
            db.Entry(application).Property(a => a.ApprovedAmountFen).CurrentValue = approvedFen;
            // The enterprise signed the agreement: installments go to itself, at its registered account.
            application.SignAgreement("上海精密机械制造有限公司", "31050161393600000001", enterprise.Name, "31050161393600000001", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return application;
    }

    /// <summary>Starts the parent process; <paramref name="approver"/> approves the project, which reserves and orders the first installment.</summary>
    public static async Task<Guid> StartAsync(HttpClient admin, HttpClient approver, FundingApplication application)
    {
        await DeployAsync(admin, ParentXml);
        var id = await WorkflowApi.StartAsync(admin, ParentKey, new { applicationId = application.Id.ToString() }, application.Number);
        var task = await WorkflowApi.OnlyTaskAsync(approver, "candidate", id, "approveProject");
        await WorkflowApi.OkAsync(approver, $"/api/tasks/{task}/complete", new { variables = new { } });
        return id;
    }

    public static async Task<JsonElement> OnlyOrderAsync(HttpClient finance, Guid applicationId)
    {
        var orders = await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={applicationId}");
        return Assert.Single(orders!);
    }

    public static async Task<JsonElement> OrderAsync(HttpClient finance, Guid orderId) =>
        await finance.GetFromJsonAsync<JsonElement>($"/api/ledger/payment-orders/{orderId}");

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient finance, Guid orderId) =>
        WorkflowApi.PostAsync(finance, $"/api/ledger/payment-orders/{orderId}/approve");

    public static Task<(long Reserved, long Paid)> ProjectAsync(MessagingApp app, Guid applicationId) =>
        app.QueryAsync(async db =>
        {
            var postings = await db.Set<LedgerEntryPosting>().Where(p => p.ApplicationId == applicationId).ToListAsync();
            return (postings.Where(p => p.Account == "Reserved").Sum(p => p.AmountFen), postings.Where(p => p.Account == "Paid").Sum(p => p.AmountFen));
        });
}
