using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;

namespace ProjectWorkflow.Web.Tests.Workflows;

/// <summary>Small steps of the engine API that the stories repeat.</summary>
internal static class WorkflowApi
{
    public static async Task<HttpResponseMessage> DeployAsync(HttpClient client, string xml) =>
        await client.PostAsync("/api/definitions", new StringContent(xml, Encoding.UTF8, "application/xml"));

    /// <summary>
    /// Deploys as <paramref name="admin"/>; a version that waits for a second administrator (it moves money) is
    /// approved by the demo user admin2, signed in through the same server.
    /// </summary>
    public static async Task<HttpResponseMessage> DeployApprovedAsync(HttpClient admin, string xml)
    {
        var deployed = await DeployAsync(admin, xml);
        if (!deployed.IsSuccessStatusCode) return deployed;
        var body = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        if (body.GetProperty("status").GetString() != "pending-approval") return deployed;
        var token = await admin.PostAsJsonAsync("/api/auth/token", new { username = "admin2", password = ProjectWorkflow.Application.Seeding.DemoUsers.Password });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var approve = new HttpRequestMessage(HttpMethod.Post,
            $"/api/definitions/{Uri.EscapeDataString(body.GetProperty("key").GetString()!)}/versions/{body.GetProperty("version").GetInt32()}/approve");
        approve.Headers.Authorization = PortalApp.Bearer(accessToken!);
        var approved = await admin.SendAsync(approve);
        Assert.True(approved.StatusCode == HttpStatusCode.OK, $"admin2 approving the deployment answered {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync()}");
        return deployed;
    }

    public static async Task<Guid> StartAsync(HttpClient admin, string key, object? variables = null, string? businessKey = null)
    {
        var response = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = key, businessKey, variables = variables ?? new { } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("running", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement[]> TasksAsync(HttpClient client, string scope, Guid instanceId) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/tasks?scope={scope}&instanceId={instanceId}"))!;

    public static async Task<Guid> OnlyTaskAsync(HttpClient client, string scope, Guid instanceId, string elementId)
    {
        var task = Assert.Single(await TasksAsync(client, scope, instanceId));
        Assert.Equal(elementId, task.GetProperty("elementId").GetString());
        return task.GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static async Task OkAsync(HttpClient client, string url, object? body = null)
    {
        var response = await PostAsync(client, url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonElement> InstanceAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");

    public static async Task<JsonElement[]> JournalAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/instances/{id}/journal"))!;

    /// <summary>Another person with a role (the demo has one of most), created by the administrator once per app.</summary>
    public static async Task<string> PersonAsync(HttpClient admin, string userName, string role)
    {
        var created = await admin.PostAsJsonAsync("/api/users", new
        {
            userName, displayName = userName, password = ProjectWorkflow.Application.Seeding.DemoUsers.Password, roles = new[] { role },
        });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await created.Content.ReadAsStringAsync());
        return userName;
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
