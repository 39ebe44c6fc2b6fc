using ProjectWorkflow.Funding.Ledger;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Ledger;
using ProjectWorkflow.Application.Treasury;
using ProjectWorkflow.Cluster.Tests.Messaging;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Cluster.Tests.Ledger;

/// <summary>An installment approved on a node that dies before the bank answers is still paid, and paid once.</summary>
[Collection(LedgerClusterCollection.Name)]
public sealed class LedgerClusterTests(LedgerCluster cluster)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private const string Parent = "ledger-cluster-first-installment";

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

    [RabbitMqFact]
    public async Task ANodeKilledBetweenSendingAnInstallmentAndTheBanksAnswer_LeavesItPaidExactlyOnce()
    {
        using var adminA = await cluster.A.CreateClientForAsync("admin1");
        using var financeA = await cluster.A.CreateClientForAsync("finance1");
        using var adminB = await cluster.B.CreateClientForAsync("admin1");
        var project = await ApprovedProjectAsync(8_000_000_00L);
        var deployed = await adminA.PostAsync("/api/definitions", new StringContent(ParentXml, System.Text.Encoding.UTF8, "application/xml"));
        Assert.True(deployed.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync());
        await SecondAdmin.ApproveIfPendingAsync(adminA, deployed);
        var started = await adminA.PostAsJsonAsync("/api/instances", new { definitionKey = Parent, businessKey = project.Number, variables = new { applicationId = project.Id.ToString() } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var parent = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var order = Assert.Single((await financeA.GetFromJsonAsync<JsonElement[]>($"/api/ledger/payment-orders?applicationId={project.Id}"))!);

        var approved = await financeA.PostAsync($"/api/ledger/payment-orders/{order.GetProperty("id").GetGuid()}/approve", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        // The bank takes 3 s to answer: node A dies while the payment is out and unconfirmed.
        await cluster.KillAAsync();

        var until = DateTime.UtcNow + Deadline;
        while ((await adminB.GetFromJsonAsync<JsonElement>($"/api/instances/{parent}")).GetProperty("status").GetString() != "completed")
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The installment was not paid through node B.{cluster.B.Tail()}");
            await Task.Delay(250);
        }

        Assert.Equal(1, await cluster.QueryAsync(db => db.Set<TreasuryPayment>().CountAsync(p => p.BusinessKey == project.Number)));
        var paidOrder = await cluster.QueryAsync(db => db.Set<PaymentOrder>().SingleAsync(o => o.ApplicationId == project.Id));
        Assert.Equal(PaymentOrderStatus.Paid, paidOrder.Status);
        Assert.Equal(1, paidOrder.Attempt);
        var paid = await cluster.QueryAsync(db => db.Set<LedgerEntryPosting>()
            .Where(p => p.ApplicationId == project.Id && p.Account == "Paid").SumAsync(p => p.AmountFen));
        Assert.Equal(4_000_000_00L, paid);
        Assert.Equal(1, await cluster.QueryAsync(db => db.Set<LedgerEntry>().CountAsync(e => e.ApplicationId == project.Id && e.Kind == "pay")));
    }

    private async Task<FundingApplication> ApprovedProjectAsync(long approvedFen)
    {
        var enterprise = new EnterpriseRecord
        {
            Id = Guid.NewGuid(), Uscc = $"{Guid.NewGuid():N}"[..18].ToUpperInvariant(), Name = "上海精密机械制造有限公司", Address = "上海",
            RegisteredAt = DateTimeOffset.UtcNow, RegisteredBy = "seed",
        };
        var application = new FundingApplication
        {
            Id = Guid.NewGuid(),
            Number = $"TU-2026-K{Guid.NewGuid():N}"[..20],
            SchemeKey = "tech-upgrade",
            Year = 2026,
            EnterpriseId = enterprise.Id,
            CreatedBy = "enterprise1",
            ProjectName = "智能产线改造",
            Status = ApplicationStatus.Approved,
            ApprovedAmountFen = approvedFen,
            PayeeName = "上海精密机械制造有限公司",
            PayeeAccount = "31050161393600000001",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await cluster.QueryAsync(async db =>
        {
            // The payee is the enterprise itself, paid to the account registered (and approved) for it.
            db.Add(enterprise);
            db.Add(new EnterpriseBankAccountRecord
            {
                Id = Guid.NewGuid(), EnterpriseId = enterprise.Id, BankName = "上海银行", AccountNumber = application.PayeeAccount!,
                Status = EnterpriseBankAccountRecord.Approved, RequestedBy = "enterprise-user", RequestedAt = DateTimeOffset.UtcNow,
                DecidedBy = "finance-staff", DecidedAt = DateTimeOffset.UtcNow,
            });
            db.Add(application);
            return await db.SaveChangesAsync();
        });
        return application;
    }
}
