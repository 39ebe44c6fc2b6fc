using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding;
using ProjectWorkflow.Funding.Applications;

namespace ProjectWorkflow.Web.Tests.Security;

/// <summary>The careless user and the attacker of issue 10 (holes 7 and 8), one story each: refused with a 400/413 problem naming what to fix.</summary>
[Collection(SecurityAppCollection.Name)]
public sealed class InputLimitTests(SecurityApp app)
{
    private HttpClient Applicant => app.Clients["enterprise1"];
    private string Draft => $"/api/applications/{app.Drafts["application"]}";

    private static async Task<string[]> FieldsOfAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray();
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("complete")]
    [InlineData("send-back")]
    [InlineData("add-signers")]
    [InlineData("copy-to")]
    [InlineData("transfer")]
    public async Task A_task_operation_with_a_null_body_is_a_400_naming_the_body_not_a_crash(string operation)
    {
        var response = await app.Clients["reviewer1"].PostAsync($"/api/tasks/{app.Own["task"]}/{operation}", Json("null"));

        Assert.Equal(["body"], await FieldsOfAsync(response));
    }

    [Fact]
    public async Task An_invoice_list_with_a_null_item_is_a_400_naming_the_item()
    {
        var response = await Applicant.PutAsync(Draft, Json("""{"invoiceNumbers": ["INV-1", null]}"""));

        Assert.Equal(["invoiceNumbers[1]"], await FieldsOfAsync(response));
    }

    [Fact]
    public async Task Amounts_near_long_MaxValue_are_refused_naming_the_field_and_no_total_wraps_around()
    {
        // The old answer: four categories near long.MaxValue summed to a wrapped total of 1,000,000 fen.
        var near = long.MaxValue / 4 + 1;
        var response = await Applicant.PutAsJsonAsync(Draft, new { equipmentFen = near, softwareFen = near, constructionFen = near, otherFen = 1_000_000 - 3 * near });

        var fields = await FieldsOfAsync(response);
        Assert.Contains("equipmentFen", fields);
        var draft = await Applicant.GetFromJsonAsync<JsonElement>(Draft);
        Assert.True(draft.GetProperty("investment").GetProperty("totalFen").GetInt64() is >= 0 and <= 4 * Money.MaxFen);
    }

    [Fact]
    public async Task An_amount_one_fen_above_the_maximum_is_refused_and_the_maximum_itself_is_taken()
    {
        Assert.Equal(["equipmentFen"], await FieldsOfAsync(await Applicant.PutAsJsonAsync(Draft, new { equipmentFen = Money.MaxFen + 1 })));
        Assert.Equal(HttpStatusCode.OK, (await Applicant.PutAsJsonAsync(Draft, new { equipmentFen = Money.MaxFen })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Applicant.PutAsJsonAsync(Draft, new { equipmentFen = 6_123_456_789L })).StatusCode);
    }

    [Fact]
    public async Task Raising_a_budget_by_long_MaxValue_is_a_400_not_an_overflow()
    {
        var response = await app.Clients["admin1"].PostAsJsonAsync("/api/ledger/budgets/tech-upgrade/2026/raise", new { byFen = long.MaxValue, reason = "overflow it" });

        Assert.Equal(["byFen"], await FieldsOfAsync(response));
    }

    [Fact]
    public async Task A_text_longer_than_its_column_is_refused_before_the_database_naming_the_field()
    {
        // 301 characters fit every request limit but not the 300 of the column: SQLite would store them, PostgreSQL fail.
        var response = await Applicant.PutAsJsonAsync(Draft, new { projectName = new string('名', 301) });

        Assert.Equal(["projectName"], await FieldsOfAsync(response));

        // The draft measures the name itself now; the column's own check, behind every use case, says it in Chinese too.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var draft = await db.Set<FundingApplication>().SingleAsync(a => a.Id == Guid.Parse(app.Drafts["application"]));
        db.Entry(draft).Property(a => a.ProjectName).CurrentValue = new string('名', 301);
        var refused = await Assert.ThrowsAsync<InvalidRequestException>(() => db.SaveChangesAsync());
        Assert.Equal(FieldError.Of("projectName", "This text is at most 300 characters long; 301 were sent.", "此项文本最多 300 个字符，本次提交了 301 个字符。"), Assert.Single(refused.Errors));
    }

    [Fact]
    public async Task A_100000_character_user_name_or_display_name_is_refused()
    {
        var response = await app.Clients["admin1"].PostAsJsonAsync("/api/users",
            new { userName = new string('u', 100_000), displayName = new string('d', 100_000), password = "Long#2026pw", roles = new[] { "enterprise" } });

        var fields = await FieldsOfAsync(response);
        Assert.Contains("userName", fields);
        Assert.Contains("displayName", fields);
    }

    [Fact]
    public async Task A_NUL_character_is_refused_naming_the_field()
    {
        var response = await Applicant.PutAsJsonAsync(Draft, new { site = "Pudong\u0000; DROP TABLE" });

        Assert.Equal(["site"], await FieldsOfAsync(response));
    }

    [Fact]
    public async Task An_instance_with_more_variables_than_the_limit_is_refused_naming_variables()
    {
        var variables = new JsonObject(Enumerable.Range(0, 1001).Select(i => KeyValuePair.Create<string, JsonNode?>($"v{i}", i)));
        var response = await app.Clients["admin1"].PostAsJsonAsync("/api/instances", new { definitionKey = "tech-upgrade", variables });

        Assert.Equal(["variables"], await FieldsOfAsync(response));
    }

    [Fact]
    public async Task A_body_beyond_the_limit_is_a_413_problem_whether_its_length_is_declared_or_not()
    {
        var huge = "{\"projectName\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var declared = await Applicant.PutAsync(Draft, Json(huge));
        var chunked = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        var streamed = await Applicant.PutAsync(Draft, chunked);

        Assert.Contains("Requests:MaxBodyBytes", (await ProblemAssert.IsProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());
        await ProblemAssert.IsProblemAsync(streamed, HttpStatusCode.RequestEntityTooLarge);
    }

    /// <summary>A body whose length is unknown up front (sent chunked).</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
