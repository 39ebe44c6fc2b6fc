using ProjectWorkflow.Application.Payments;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

[Collection(RejectingTreasuryAppCollection.Name)]
public sealed class RejectedPaymentTests(RejectingTreasuryApp app)
{
    [Fact]
    public async Task APaymentTheBankRejects_ResumesTheProcess_WithTheReason()
    {
        using var admin = await app.CreateClientForAsync("admin1");
        var businessKey = $"PAY-{Guid.NewGuid():N}";

        var instance = await PaymentStory.PayAsync(admin, businessKey, 88_000_00L);

        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Contains("notPaid", Strings(instance.GetProperty("completedElementIds")));
        var variables = instance.GetProperty("variables");
        Assert.Equal("rejected", variables.GetProperty("paymentStatus").GetString());
        Assert.False(string.IsNullOrWhiteSpace(variables.GetProperty("reason").GetString()));
        var (_, rejected) = Assert.Single(app.Bus.Published<PaymentRejected>(m => m.BusinessKey == businessKey));
        Assert.Equal(variables.GetProperty("reason").GetString(), rejected.Reason);
        Assert.Empty(app.Bus.Published<PaymentConfirmed>(m => m.BusinessKey == businessKey));
    }
}
