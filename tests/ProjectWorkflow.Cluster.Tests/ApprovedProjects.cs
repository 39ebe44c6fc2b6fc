using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>
/// An approved project straight in the database (the review is not what the cluster tests are about), and a small
/// parent process that reserves its budget and calls installment-payment, as the scheme processes do after approval.
/// </summary>
internal static class ApprovedProjects
{
    public const string Parent = "cluster-first-installment";

    private const string ParentXml = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="{Parent}-definitions" targetNamespace="https://projectworkflow.example/tests">
          <bpmn:process id="{Parent}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="reserve" camunda:type="external" camunda:topic="budget.reserve" />
            <bpmn:callActivity id="firstInstallment" calledElement="installment-payment" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="reserve" />
            <bpmn:sequenceFlow id="f2" sourceRef="reserve" targetRef="firstInstallment" />
            <bpmn:sequenceFlow id="f3" sourceRef="firstInstallment" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task DeployParentAsync(HttpClient admin)
    {
        var deployed = await admin.PostAsync("/api/definitions", new StringContent(ParentXml, System.Text.Encoding.UTF8, "application/xml"));
        Assert.True(deployed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync());
        await SecondAdmin.ApproveIfPendingAsync(admin, deployed);
    }

    /// <summary>Starts the parent process for the project: its budget is reserved and the first installment's order made.</summary>
    public static async Task<Guid> StartParentAsync(HttpClient admin, FundingApplication project)
    {
        var started = await RetryingLostRacesAsync(() =>
            admin.PostAsJsonAsync("/api/instances", new { definitionKey = Parent, businessKey = project.Number, variables = new { applicationId = project.Id.ToString() } }));
        Assert.True(started.StatusCode == HttpStatusCode.Created, $"start answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Approves the order as <paramref name="finance"/>: payment.send orders the treasury to pay.</summary>
    public static async Task ApproveOrderAsync(HttpClient finance, Guid orderId)
    {
        var approved = await RetryingLostRacesAsync(() => finance.PostAsync($"/api/ledger/payment-orders/{orderId}/approve", JsonContent.Create(new { })));
        Assert.True(approved.StatusCode == HttpStatusCode.OK, $"approval answered {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Reserving a budget or approving an order can lose a race with another project's payment being booked on the
    /// other node at that moment (the budget's version): the app answers 409 and changes nothing, and the client
    /// tries again, as a person would on "Reload it and try again".
    /// </summary>
    private static async Task<HttpResponseMessage> RetryingLostRacesAsync(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 5) return response;
            await Task.Delay(200 * attempt);
        }
    }

    public static async Task<JsonElement> OnlyOrderAsync(HttpClient finance, Guid projectId) =>
        Assert.Single((await finance.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={projectId}"))!);

    /// <summary>A tech-upgrade project of 2026, approved for <paramref name="approvedFen"/>, paying the enterprise's registered account.</summary>
    public static async Task<FundingApplication> CreateAsync(Func<Func<ProjectWorkflowDbContext, Task<int>>, Task<int>> query, long approvedFen)
    {
        var code = "9131" + $"{Guid.NewGuid():N}"[..13].ToUpperInvariant();
        var enterprise = Enterprise.Register(Uscc.Parse(code + Uscc.CheckCharacter(code)), "上海精密机械制造有限公司", "上海", "seed", DateTimeOffset.UtcNow, firstMember: $"member-{Guid.NewGuid():N}"[..20]);
        var now = DateTimeOffset.UtcNow;
        var application = FundingApplication.Draft($"TU-2026-K{Guid.NewGuid():N}"[..20], "tech-upgrade", 2026, enterprise.Id, enterprise.Uscc, "enterprise1", now);
        application.Revise(new DraftChanges { ProjectName = "智能产线改造" }, now);
        await query(async db =>
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
}
