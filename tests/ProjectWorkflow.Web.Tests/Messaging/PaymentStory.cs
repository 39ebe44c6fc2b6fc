using System.Net;
using System.Text.Json;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Web.Tests.Ledger;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>
/// An approved project's first installment through the workflows' own payment steps (installment-payment:
/// installment.order, payment.send, payment.settle): finance approves the order, the treasury answers, the answer is booked.
/// </summary>
internal static class PaymentStory
{
    public sealed record Paid(FundingApplication Project, Guid Parent, JsonElement Order);

    /// <summary>Runs until the treasury's answer is booked on the order (paid, or rejected back to finance); answers the order as finance reads it.</summary>
    public static async Task<Paid> PayAsync(MessagingApp app, long approvedFen)
    {
        using var admin = await app.CreateClientForAsync("admin1");
        using var approver = await app.CreateClientForAsync("approver1");
        using var finance = await app.CreateClientForAsync("finance1");
        var project = await LedgerStory.ApprovedProjectAsync(app, approvedFen);
        var parent = await LedgerStory.StartAsync(admin, approver, project);
        var orderId = (await LedgerStory.OnlyOrderAsync(finance, project.Id)).GetProperty("id").GetGuid();

        var approved = await LedgerStory.ApproveAsync(finance, orderId);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        JsonElement order = default;
        await Eventually.TrueAsync(async () =>
            (order = await LedgerStory.OrderAsync(finance, orderId)).GetProperty("status").GetString() is "paid" or "rejected",
            $"the treasury's answer for {project.Number} to be booked");
        return new Paid(project, parent, order);
    }

    /// <summary>The parent process once it has left "running" (it ends when the installment is paid).</summary>
    public static async Task<JsonElement> FinishedAsync(HttpClient admin, Guid instanceId)
    {
        JsonElement instance = default;
        await Eventually.TrueAsync(async () => (instance = await InstanceAsync(admin, instanceId)).GetProperty("status").GetString() != "running",
            $"process {instanceId} to finish");
        return instance;
    }
}
