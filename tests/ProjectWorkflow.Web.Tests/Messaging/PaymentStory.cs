using System.Text.Json;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Messaging;

/// <summary>Runs the test payment process to its end and answers the instance as the API shows it.</summary>
internal static class PaymentStory
{
    public static async Task<JsonElement> PayAsync(HttpClient admin, string businessKey, long amountFen)
    {
        await TestProcesses.DeployAsync(admin, TestProcesses.Payment);
        var id = await StartAsync(admin, TestProcesses.Payment,
            new { amountFen, payee = "上海精密机械制造有限公司", payeeAccount = "31050161393600000001" }, businessKey);
        JsonElement instance = default;
        await Eventually.TrueAsync(async () =>
        {
            instance = await InstanceAsync(admin, id);
            return instance.GetProperty("status").GetString() != "running";
        }, $"payment process {businessKey} to finish");
        return instance;
    }
}
