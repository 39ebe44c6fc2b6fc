using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Schemes;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Application.Workflows.Definitions;
using ProjectWorkflow.Engine.ServiceTasks;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Schemes;

namespace ProjectWorkflow.Web.Tests.Fixtures;

/// <summary>
/// TEMPORARY, until the lifecycle branch is merged with the ledger branch (issue 6): the scheme processes
/// call the ledger's topics (budget.reserve, budget.release, recovery.open) and its installment-payment
/// process. Where the app registers none of them, the tests stand in for them here: the budget topics do
/// nothing, and installment-payment orders the next installment as the contract says (first = the rule
/// set's first share, then accepted − paid so far) and waits for a finance officer's releaseInstallment task.
/// Once the ledger is merged its real topics and process take precedence and this file can be deleted.
/// </summary>
internal static class LedgerStandIn
{
    private static readonly string[] Topics = ["budget.reserve", "budget.release", "recovery.open", "installment.order", "payment.settle"];

    public static void Register(IServiceCollection services)
    {
        bool Registered(string topic) => services.Any(d => d.ImplementationInstance is ServiceTaskBinding b && b.Topic == topic);
        if (Topics.Any(Registered)) return;
        services.AddServiceTask<Nothing>("budget.reserve");
        services.AddServiceTask<Nothing>("budget.release");
        services.AddServiceTask<Nothing>("recovery.open");
        services.AddServiceTask<OrderInstallment>("installment.order");
        services.AddServiceTask<SettlePayment>("payment.settle");
    }

    public static async Task DeployAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        if (await scope.ServiceProvider.GetRequiredService<DefinitionCatalog>().FindLatestAsync(db, "installment-payment", CancellationToken.None) is not null) return;
        await scope.ServiceProvider.GetRequiredService<DeployDefinition>().HandleAsync(Encoding.UTF8.GetBytes(Process), "system", CancellationToken.None);
    }

    private sealed class Nothing : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class OrderInstallment(ProjectWorkflowDbContext db, RuleSets ruleSets) : IServiceTaskHandler
    {
        public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            var id = Guid.Parse(context.GetVariable<string>("applicationId")!);
            var application = db.Set<ApplicationRecord>().Local.FirstOrDefault(a => a.Id == id) ?? await db.Set<ApplicationRecord>().FirstAsync(a => a.Id == id, cancellationToken);
            var rules = await ruleSets.ForAsync(application.SchemeKey, application.Year, cancellationToken);
            var number = (context.GetVariable("installmentNumber")?.GetValue<int>() ?? 0) + 1;
            var paid = context.GetVariable("paidSoFarFen")?.GetValue<long>() ?? 0;
            var amount = application.AcceptedAmountFen is { } accepted
                ? Math.Max(0, accepted - paid)
                : SubsidyCalculation.Installments(new Money(application.ApprovedAmountFen ?? 0), rules.InstallmentPercents)[0].Fen;
            context.SetVariable("installmentNumber", number);
            context.SetVariable("installmentAmountFen", amount);
        }
    }

    private sealed class SettlePayment : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            var paid = context.GetVariable("paidSoFarFen")?.GetValue<long>() ?? 0;
            context.SetVariable("paidSoFarFen", paid + context.GetVariable<long>("installmentAmountFen"));
            return ValueTask.CompletedTask;
        }
    }

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="installment-payment-stand-in" targetNamespace="https://projectworkflow.example/tests">
          <bpmn:process id="installment-payment" name="Installment payment (test stand-in until the ledger is merged)" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="order" camunda:type="external" camunda:topic="installment.order" />
            <bpmn:exclusiveGateway id="due" default="toRelease" />
            <bpmn:userTask id="releaseInstallment" name="Release installment" camunda:candidateGroups="finance" />
            <bpmn:serviceTask id="settle" camunda:type="external" camunda:topic="payment.settle" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="order" />
            <bpmn:sequenceFlow id="f2" sourceRef="order" targetRef="due" />
            <bpmn:sequenceFlow id="nothingDue" sourceRef="due" targetRef="end"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${installmentAmountFen == 0}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="toRelease" sourceRef="due" targetRef="releaseInstallment" />
            <bpmn:sequenceFlow id="f3" sourceRef="releaseInstallment" targetRef="settle" />
            <bpmn:sequenceFlow id="f4" sourceRef="settle" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
