using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// The process pages in a real browser: an administrator draws a small process with a user task and its form in the
/// designer, sees the server's refusal marked on the element it names, fixes it and deploys; an instance of it is
/// started and its drawing shows the active task; a second version that books the budget waits for a second
/// administrator, who reads the difference drawn on the diagram and approves it. The fund dashboard draws its charts.
/// Every page renders its canvas for real (elements in the SVG), reports no script error, and passes axe.
/// </summary>
[Collection(BrowserPortalCollection.Name)]
public sealed class ProcessPagesTests(BrowserPortal portal) : BrowserStory(portal)
{
    [Fact]
    public async Task AnAdministratorDrawsDeploysAndWatchesAProcess_ASecondApprovesItsNextVersionAfterReadingTheDiff()
    {
        var page = await portal.SignInAsync("admin1", "/portal/designer/new");
        var errors = Watch(page);
        await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".bjs-powered-by")).ToHaveCountAsync(1);   // the bpmn.io watermark stays
        // The palette offers what the engine runs: a user task and a service task, no generic task.
        await Assertions.Expect(page.Locator(".djs-palette .entry[data-action='create.user-task']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".djs-palette .entry[data-action='create.task']")).ToHaveCountAsync(0);

        // Drawn through the modeler (as its palette and context pad do): start → a user task with its form → a complex
        // gateway, which the engine does not run → end.
        var key = await page.EvaluateAsync<string>("""
            () => {
              const m = window.processDesigner;
              const modeling = m.get('modeling'), registry = m.get('elementRegistry');
              const task = modeling.appendShape(registry.get('StartEvent_1'), { type: 'bpmn:UserTask' }, { x: 330, y: 178 });
              modeling.updateProperties(task, { id: 'checkFile', name: 'Check the file', 'camunda:assignee': 'admin1', 'camunda:formRef': 'general-approve' });
              const odd = modeling.appendShape(task, { type: 'bpmn:ComplexGateway' }, { x: 480, y: 178 });
              modeling.updateProperties(odd, { id: 'unsure' });
              const end = modeling.appendShape(odd, { type: 'bpmn:EndEvent' }, { x: 600, y: 178 });
              modeling.updateProperties(end, { id: 'done' });
              return m.get('canvas').getRootElement().businessObject.id;
            }
            """);
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='checkFile']")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "部署新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-problems")).ToContainTextAsync("unsure");
        await Assertions.Expect(page.Locator("g.djs-element.pw-failed[data-element-id='unsure']")).ToHaveCountAsync(1);
        await PortalPages.ScreenshotAsync(page, "designer-refused");

        await page.EvaluateAsync("""
            () => {
              const m = window.processDesigner;
              const modeling = m.get('modeling'), registry = m.get('elementRegistry');
              modeling.removeElements([registry.get('unsure')]);
              modeling.connect(registry.get('checkFile'), registry.get('done'));
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "部署新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-outcome")).ToContainTextAsync($"已部署 {key} 第 1 版");
        await Assertions.Expect(page.Locator("g.djs-element.pw-failed")).ToHaveCountAsync(0);
        await PortalPages.ScreenshotAsync(page, "designer");
        await NoSeriousViolationAsync(page);

        // It runs: an instance waits at the user task, and its drawing says so.
        var admin = await portal.CreateClientForAsync("admin1");
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey = "DRAWN-1", variables = new { } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await page.GotoAsync($"/portal/instances/{instance}");
        var diagram = page.Locator("#process-diagram");
        await Assertions.Expect(diagram).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(diagram).ToHaveAttributeAsync("data-active", "checkFile");
        await Assertions.Expect(page.Locator("g.djs-element.pw-active[data-element-id='checkFile']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("g.djs-element.pw-done[data-element-id='StartEvent_1']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("g.djs-connection.pw-taken")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".process-badge.active")).ToHaveTextAsync("进行中");
        await PortalPages.ScreenshotAsync(page, "instance-viewer");
        await NoSeriousViolationAsync(page);

        // Version 2 books the budget after the check: a money process, so it waits for a second administrator.
        await page.GotoAsync($"/portal/designer/{key}/versions/1");
        await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.EvaluateAsync("""
            () => {
              const m = window.processDesigner;
              const modeling = m.get('modeling'), registry = m.get('elementRegistry');
              const task = registry.get('checkFile');
              modeling.removeElements(task.outgoing.slice());
              const reserve = modeling.appendShape(task, { type: 'bpmn:ServiceTask' }, { x: 480, y: 178 });
              modeling.updateProperties(reserve, { id: 'reserveBudget', name: 'Reserve the budget', 'camunda:type': 'external', 'camunda:topic': 'budget.reserve' });
              modeling.connect(reserve, registry.get('done'));
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "部署新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-outcome")).ToContainTextAsync($"已部署 {key} 第 2 版，等待第二名管理员批准后生效");

        var second = await portal.SignInAsync("admin2", "/portal/designer");
        var secondErrors = Watch(second);
        await second.GetByRole(AriaRole.Row).Filter(new() { HasText = key }).First.GetByRole(AriaRole.Link, new() { Name = "查看第 2 版的改动" }).ClickAsync();
        var diff = second.Locator("#version-diff");
        await Assertions.Expect(diff).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(diff).ToHaveAttributeAsync("data-added", new System.Text.RegularExpressions.Regex("reserveBudget"));
        await Assertions.Expect(second.Locator("#diff-new g.djs-element.pw-added[data-element-id='reserveBudget']")).ToHaveCountAsync(1);
        await Assertions.Expect(second.Locator("#diff-changes tr[data-change='added']").Filter(new() { HasText = "reserveBudget" })).ToHaveCountAsync(1);
        await PortalPages.ScreenshotAsync(second, "version-diff");
        await NoSeriousViolationAsync(second);
        await second.GetByRole(AriaRole.Button, new() { Name = "阅后批准第 2 版" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToHaveTextAsync("已批准该版本，新版本生效。");

        // Process mining on the drawing: the step where the instance waits carries its count and the waiting marker.
        await second.GotoAsync($"/portal/dashboards/processes/{key}");
        var times = second.Locator("#process-times");
        await Assertions.Expect(times).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(times).ToHaveAttributeAsync("data-painted", "checkFile");
        await Assertions.Expect(second.Locator("g.djs-element.pw-active[data-element-id='checkFile']")).ToHaveCountAsync(1);
        await Assertions.Expect(second.Locator(".process-badge.stat")).ToContainTextAsync("在办 1");
        await PortalPages.ScreenshotAsync(second, "process-times");
        await NoSeriousViolationAsync(second);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(secondErrors.Count == 0, string.Join("\n", secondErrors));
    }

    [Fact]
    public async Task AnAdministratorDrawsWithTheCheckMarkingProblems_FixesTheFormInThePanel_SavesADraft_GetsItBackAndDeploys()
    {
        var page = await portal.SignInAsync("admin1", "/portal/designer/new");
        var errors = Watch(page);
        await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var lint = page.Locator("#designer-lint");
        await Assertions.Expect(lint).ToHaveTextAsync("检查：没有问题");
        var key = await page.EvaluateAsync<string>("() => window.processDesigner.get('canvas').getRootElement().businessObject.id");

        // A user task from the palette, placed with the mouse: nothing leads to it and it has no form.
        await page.Locator(".djs-palette .entry[data-action='create.user-task']").ClickAsync();
        var canvas = await page.Locator("#designer-canvas").BoundingBoxAsync();
        await page.Mouse.MoveAsync(canvas!.X + 400, canvas.Y + 200, new() { Steps = 5 });
        await page.Mouse.ClickAsync(canvas.X + 400, canvas.Y + 200);
        var task = await page.EvaluateAsync<string>("() => window.processDesigner.get('elementRegistry').filter(e => e.type === 'bpmn:UserTask')[0].id");
        await Assertions.Expect(lint).ToHaveAttributeAsync("data-errors", "1");
        await Assertions.Expect(lint).ToHaveAttributeAsync("data-warnings", "1");
        await Assertions.Expect(lint).ToHaveTextAsync("检查：1 个错误，1 个提示");
        await Assertions.Expect(page.Locator($".djs-overlays[data-container-id='{task}'] .bjsl-overlay")).ToHaveCountAsync(1);

        // Connected from the start event with the context pad's connect tool: the error goes, the missing form stays.
        await page.Locator("g.djs-element[data-element-id='StartEvent_1']").ClickAsync();
        await page.Locator(".djs-context-pad .entry[data-action='connect']").ClickAsync();
        var target = await page.Locator($"g.djs-element[data-element-id='{task}']").BoundingBoxAsync();
        await page.Mouse.MoveAsync(target!.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 5 });
        await page.Mouse.ClickAsync(target.X + target.Width / 2, target.Y + target.Height / 2);
        await Assertions.Expect(lint).ToHaveAttributeAsync("data-errors", "0");
        await Assertions.Expect(lint).ToHaveAttributeAsync("data-warnings", "1");
        await Assertions.Expect(page.Locator($".djs-overlays[data-container-id='{task}'] .bjsl-overlay")).ToHaveCountAsync(1);
        await PortalPages.ScreenshotAsync(page, "designer-lint");

        // The form is given in the properties panel (Forms → Camunda Forms → form reference); an end event from the context pad.
        await page.EvaluateAsync($"() => {{ const m = window.processDesigner; m.get('selection').select(m.get('elementRegistry').get('{task}')); }}");
        await page.Locator("[data-group-id='group-CamundaPlatform__Form'] .bio-properties-panel-group-header").ClickAsync();
        await page.Locator("#bio-properties-panel-formType").SelectOptionAsync("formRef");
        await page.Locator("#bio-properties-panel-formRef").FillAsync("general-approve");
        await page.Locator("#bio-properties-panel-formRef").PressAsync("Tab");
        await Assertions.Expect(lint).ToHaveTextAsync("检查：没有问题");
        await Assertions.Expect(page.Locator(".bjsl-overlay")).ToHaveCountAsync(0);
        // The task's context pad, opened for it (a click on the task lands on the new flow's pad or the check's badge).
        await page.EvaluateAsync($"() => {{ const m = window.processDesigner; const task = m.get('elementRegistry').get('{task}'); m.get('selection').select(task); m.get('contextPad').open(task, true); }}");
        await page.Locator(".djs-context-pad .entry[data-action='append.end-event']").ClickAsync();
        await Assertions.Expect(lint).ToHaveTextAsync("检查：没有问题");

        // Kept as a draft, not deployed: the list offers it, and it opens again as it was left.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-outcome")).ToHaveTextAsync($"草稿已保存（{key}）。");
        await page.GotoAsync("/portal/designer");
        await page.Locator("#definition-drafts").GetByRole(AriaRole.Row).Filter(new() { HasText = key }).GetByRole(AriaRole.Link, new() { Name = "打开草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#designer-draft-offer")).ToContainTextAsync("admin1");
        await Assertions.Expect(page.Locator($"g.djs-element[data-element-id='{task}']")).ToHaveCountAsync(1);
        Assert.Equal("general-approve", await page.EvaluateAsync<string>(
            $"() => window.processDesigner.get('elementRegistry').get('{task}').businessObject.get('camunda:formRef')"));
        await Assertions.Expect(lint).ToHaveTextAsync("检查：没有问题");
        await NoSeriousViolationAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "部署新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-outcome")).ToContainTextAsync($"已部署 {key} 第 1 版");
        // Opening the deployed version offers the draft still kept for it.
        await page.GotoAsync($"/portal/designer/{key}/versions/1");
        await Assertions.Expect(page.Locator("#designer-draft-offer").GetByRole(AriaRole.Link, new() { Name = "打开草稿" })).ToHaveCountAsync(1);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task AnAdministratorGivesANewTaskAFormInTheFormEditor_DeploysIt_AndTheTaskOfAnInstanceServesThatForm()
    {
        var page = await portal.SignInAsync("admin1", "/portal/designer/new");
        var errors = Watch(page);
        await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var key = await page.EvaluateAsync<string>("""
            () => {
              const m = window.processDesigner;
              const modeling = m.get('modeling'), registry = m.get('elementRegistry');
              const task = modeling.appendShape(registry.get('StartEvent_1'), { type: 'bpmn:UserTask' }, { x: 330, y: 178 });
              modeling.updateProperties(task, { id: 'fillIn', name: 'Fill in the verdict', 'camunda:assignee': 'admin1' });
              const end = modeling.appendShape(task, { type: 'bpmn:EndEvent' }, { x: 500, y: 178 });
              modeling.updateProperties(end, { id: 'done' });
              return m.get('canvas').getRootElement().businessObject.id;
            }
            """);
        var lint = page.Locator("#designer-lint");
        await Assertions.Expect(lint).ToHaveAttributeAsync("data-warnings", "1");   // the task has no form yet

        // The form button waits for a user task to be selected; the form editor opens with a new form for it.
        var formButton = page.GetByRole(AriaRole.Button, new() { Name = "编辑任务表单" });
        await Assertions.Expect(formButton).ToBeDisabledAsync();
        await page.EvaluateAsync("() => { const m = window.processDesigner; m.get('selection').select(m.get('elementRegistry').get('fillIn')); }");
        await formButton.ClickAsync();
        var section = page.Locator("#designer-form-section");
        await Assertions.Expect(section).ToBeVisibleAsync();
        await Assertions.Expect(section).ToHaveAttributeAsync("data-form-id", "fillIn-form");
        await Assertions.Expect(section.Locator(".fjs-palette")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(section.Locator(".fjs-powered-by")).ToHaveCountAsync(1);   // form-js's bpmn.io watermark stays

        // A required text field, added as the editor's palette does, with its own id for the form.
        var formId = $"verdict-{Guid.NewGuid():N}"[..20];
        await page.EvaluateAsync("""
            (formId) => {
              const editor = window.processFormEditor;
              const modeling = editor.get('modeling'), registry = editor.get('formFieldRegistry');
              const form = registry.getAll().find((field) => field.type === 'default');
              modeling.editFormField(form, 'id', formId);
              modeling.addFormField({ type: 'textfield', key: 'verdict', label: 'Verdict', validate: { required: true } }, form, 0);
            }
            """, formId);
        await Assertions.Expect(section.Locator(".fjs-editor-container .fjs-form-field-textfield")).ToHaveCountAsync(1);
        await PortalPages.ScreenshotAsync(page, "designer-form-editor");
        await NoSeriousViolationAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "放进流程" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-form-outcome")).ToContainTextAsync(formId);
        await Assertions.Expect(lint).ToHaveTextAsync("检查：没有问题");
        Assert.Equal(formId, await page.EvaluateAsync<string>(
            "() => window.processDesigner.get('elementRegistry').get('fillIn').businessObject.get('camunda:formRef')"));
        await page.GetByRole(AriaRole.Button, new() { Name = "关闭表单编辑器" }).ClickAsync();
        await Assertions.Expect(section).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "部署新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-outcome")).ToContainTextAsync($"已部署 {key} 第 1 版");
        await NoSeriousViolationAsync(page);

        // The deployed version carries the form; the task of a started instance serves it and checks its completion.
        var admin = await portal.CreateClientForAsync("admin1");
        Assert.Contains("pwf:form", await admin.GetStringAsync($"/api/definitions/{key}/versions/1"));
        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, variables = new { } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var task = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/tasks?scope=mine&instanceId={instance}"))!.Single().GetProperty("id").GetGuid();
        var form = await admin.GetFromJsonAsync<JsonElement>($"/api/tasks/{task}/form");
        Assert.Equal(formId, form.GetProperty("formRef").GetString());
        var field = form.GetProperty("schema").GetProperty("components").EnumerateArray().Single();
        Assert.Equal("verdict", field.GetProperty("key").GetString());
        Assert.True(field.GetProperty("validate").GetProperty("required").GetBoolean());
        var empty = await admin.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        // Opened again, the designer finds the form in the drawing.
        await page.GotoAsync($"/portal/designer/{key}/versions/1");
        await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => { const m = window.processDesigner; m.get('selection').select(m.get('elementRegistry').get('fillIn')); }");
        await formButton.ClickAsync();
        await Assertions.Expect(section).ToHaveAttributeAsync("data-form-id", formId);
        await Assertions.Expect(section.Locator(".fjs-editor-container .fjs-form-field-textfield")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task ARefusedDeployMarksTheElementItNames_AndItsListedProblemShowsIt_AsASavedDraftDoes()
    {
        var page = await portal.SignInAsync("admin1", "/portal/designer/new");
        var errors = Watch(page);
        await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        // A service task without a topic: the engine cannot run it.
        await page.EvaluateAsync("""
            () => {
              const m = window.processDesigner;
              const modeling = m.get('modeling'), registry = m.get('elementRegistry');
              const call = modeling.appendShape(registry.get('StartEvent_1'), { type: 'bpmn:ServiceTask' }, { x: 330, y: 178 });
              modeling.updateProperties(call, { id: 'callOut', name: 'Call out' });
              modeling.appendShape(call, { type: 'bpmn:EndEvent' }, { x: 500, y: 178 });
              m.get('selection').select([]);
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "部署新版本" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-outcome")).ToHaveTextAsync("无法部署：请修正图中标出的问题。");
        await Assertions.Expect(page.Locator("g.djs-element.pw-failed[data-element-id='callOut']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".djs-overlays[data-container-id='callOut'] .process-badge.failed")).ToHaveCountAsync(1);
        var listed = page.Locator("#designer-problems button[data-element-id='callOut']");
        await Assertions.Expect(listed).ToContainTextAsync("callOut");
        await listed.ClickAsync();
        Assert.Equal("callOut", await page.EvaluateAsync<string>("() => window.processDesigner.get('selection').get().map((e) => e.id).join(' ')"));
        await Assertions.Expect(page.Locator("g.djs-element.selected[data-element-id='callOut']")).ToHaveCountAsync(1);
        await PortalPages.ScreenshotAsync(page, "designer-problem-selected");
        await NoSeriousViolationAsync(page);

        // Saving the draft keeps it and marks the same problem.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.Locator("#designer-outcome")).ToContainTextAsync("部署检查会拒绝它");
        await Assertions.Expect(page.Locator("g.djs-element.pw-failed[data-element-id='callOut']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#designer-problems button[data-element-id='callOut']")).ToHaveCountAsync(1);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task TheShippedWorkflows_OpenInTheDesigner_EveryElementDrawnAndWithoutAProblem()
    {
        var admin = await portal.CreateClientForAsync("admin1");
        var definitions = (await admin.GetFromJsonAsync<JsonElement[]>("/api/definitions"))!;
        var page = await portal.SignInAsync("admin1", "/portal/designer");
        var errors = Watch(page);
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.bpmn");
        Assert.Contains(files, f => f.EndsWith("tech-upgrade.bpmn", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var document = XDocument.Load(file);
            var key = document.Root!.Elements(bpmn + "process").First(p => (string?)p.Attribute("isExecutable") != "false").Attribute("id")!.Value;
            // Every flow node and sequence flow of the file, nested ones included: each must be an element of the drawing.
            var ids = document.Descendants().Where(e => e.Name.Namespace == bpmn && e.Attribute("id") is not null
                    && e.Parent is { Name.LocalName: "process" or "subProcess" }
                    && e.Name.LocalName is not ("laneSet" or "textAnnotation" or "association" or "dataObject" or "dataObjectReference"))
                .Select(e => e.Attribute("id")!.Value).ToList();
            var version = definitions.Single(d => d.GetProperty("key").GetString() == key).GetProperty("latestVersion").GetInt32();
            await page.GotoAsync($"/portal/designer/{key}/versions/{version}");
            await Assertions.Expect(page.Locator("#designer-canvas[data-rendered='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#designer-lint")).ToHaveTextAsync("检查：没有问题", new() { Timeout = 30_000 });
            var drawn = await page.EvaluateAsync<string[]>("() => window.processDesigner.get('elementRegistry').getAll().map((e) => e.id)");
            var missing = ids.Except(drawn).ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(file)} opens without drawing {string.Join(", ", missing)}");
        }
        await Assertions.Expect(page.Locator("#designer-canvas g.djs-shape")).Not.ToHaveCountAsync(0);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task TheFundDashboard_DrawsEachTableAsAChart()
    {
        var page = await portal.SignInAsync("approver1", "/portal/dashboards/fund");
        var errors = Watch(page);
        await page.ReloadAsync();
        var budgets = page.Locator("[data-chart-for='budgets-table']");
        await Assertions.Expect(budgets).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(budgets.Locator("svg")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#plan-table")).ToContainTextAsync("市级重点技术改造项目");
        // The plan's indicators the projects measure, promised beside delivered, each with its chart; the rest by target only.
        await Assertions.Expect(page.Locator("#indicator-progress-table")).ToContainTextAsync("工业固体废物综合利用率");
        await Assertions.Expect(page.Locator("[data-chart-for='indicator-progress-table']")).ToHaveAttributeAsync("data-rendered", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#indicator-table")).ToContainTextAsync("制造业质量竞争力指数");
        await PortalPages.ScreenshotAsync(page, "fund-dashboard");
        await NoSeriousViolationAsync(page);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task NoSeriousViolationAsync(IPage page)
    {
        var violations = await PortalPages.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    /// <summary>Script errors and console errors (a blocked script or style among them) the page reports.</summary>
    private static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // The deploy the server refuses on purpose answers 400, which the browser logs as a failed load.
            if (message.Type == "error" && !message.Text.Contains("status of 400", StringComparison.Ordinal)) lock (errors) errors.Add(message.Text);
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add(error);
        };
        return errors;
    }
}
