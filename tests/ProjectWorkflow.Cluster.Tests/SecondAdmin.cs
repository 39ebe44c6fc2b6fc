using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Application.Seeding;

namespace ProjectWorkflow.Cluster.Tests;

/// <summary>A deployed version that moves money waits for a second administrator: the demo user admin2 approves it.</summary>
internal static class SecondAdmin
{
    public static async Task ApproveIfPendingAsync(HttpClient admin, HttpResponseMessage deployed)
    {
        var body = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        if (body.GetProperty("status").GetString() != "pending-approval") return;
        var token = await admin.PostAsJsonAsync("/api/auth/token", new { username = "admin2", password = DemoUsers.Password });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var approve = new HttpRequestMessage(HttpMethod.Post,
            $"/api/definitions/{Uri.EscapeDataString(body.GetProperty("key").GetString()!)}/versions/{body.GetProperty("version").GetInt32()}/approve");
        approve.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var approved = await admin.SendAsync(approve);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, $"admin2 approving answered {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync()}");
    }
}
