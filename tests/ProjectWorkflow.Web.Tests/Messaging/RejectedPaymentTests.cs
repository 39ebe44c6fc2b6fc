using ProjectWorkflow.Application.Payments;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

[Collection(RejectingTreasuryAppCollection.Name)]
public sealed class RejectedPaymentTests(RejectingTreasuryApp app)
{
    [Fact]
    public async Task APaymentTheBankRejects_ResumesTheProcess_WithTheReason()
    {
        using var finance = await app.CreateClientForAsync("finance1");

        var (project, _, order) = await PaymentStory.PayAsync(app, 176_000_00L);
        var businessKey = project.Number;

        // Back to the finance officer, with the bank's reason, to release again.
        Assert.Equal("rejected", order.GetProperty("status").GetString());
        var reason = order.GetProperty("rejectionReason").GetString();
        Assert.False(string.IsNullOrWhiteSpace(reason));
        await Eventually.TrueAsync(async () => (await TasksAsync(finance, "candidate", order.GetProperty("instanceId").GetGuid()))
            .Any(t => t.GetProperty("elementId").GetString() == "releaseInstallment"), "the release task to be open again");
        var (_, rejected) = Assert.Single(app.Bus.Published<PaymentRejected>(m => m.BusinessKey == businessKey));
        Assert.Equal(reason, rejected.Reason);
        Assert.Empty(app.Bus.Published<PaymentConfirmed>(m => m.BusinessKey == businessKey));
    }
}
