using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProjectWorkflow.Web.Tests.Fixtures;
using static ProjectWorkflow.Web.Tests.Funding.FundingApi;
using static ProjectWorkflow.Web.Tests.Workflows.WorkflowApi;

namespace ProjectWorkflow.Web.Tests.Funding;

/// <summary>The reviewers' steps, taken the same way in every story.</summary>
internal sealed class ReviewWalk(PortalApp app)
{
    public async Task<(Guid Application, Guid Instance)> SubmitAsync(HttpClient applicant, string scheme, object project)
    {
        var draft = await SubmitReadyAsync(applicant, scheme, project);
        var id = draft.GetProperty("id").GetGuid();
        var response = await FundingApi.SubmitAsync(applicant, id);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var submitted = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (id, submitted.GetProperty("instanceId").GetGuid());
    }

    public async Task DistrictAsync(Guid instance, object variables)
    {
        using var reviewer = await app.CreateClientForAsync("reviewer1");
        var task = await OnlyTaskAsync(reviewer, "candidate", instance, "districtReview");
        await OkAsync(reviewer, $"/api/tasks/{task}/complete", new { variables });
    }

    public async Task PanelAsync(Guid application, Guid instance, IReadOnlyDictionary<string, Dictionary<string, decimal>> scores)
    {
        foreach (var (expert, points) in scores)
        {
            using var client = await app.CreateClientForAsync(expert);
            await OnlyTaskAsync(client, "mine", instance, "expertReview");
            await OkAsync(client, $"/api/applications/{application}/panel/declaration", new
            {
                workedForOrAdvisedApplicant = false, legalDisputeWithApplicant = false, draftedTheCall = false, controlOrInvestmentTies = false, closeRelativeInvolved = false,
            });
            await OkAsync(client, $"/api/applications/{application}/panel/scores", new { points });
        }
    }

    public async Task ApproverAsync(Guid instance, string elementId, object variables)
    {
        using var approver = await app.CreateClientForAsync("approver1");
        var task = await OnlyTaskAsync(approver, "candidate", instance, elementId);
        await OkAsync(approver, $"/api/tasks/{task}/complete", new { variables });
    }

    /// <summary>
    /// Who the tests' lot (first in line, by user name) seats for the demo enterprise: a 3 technical + 2 financial panel
    /// (smart-factory, green-park) and the tech-upgrade's 4 + 3. Expert 9 (financial) disputed with the demo enterprise
    /// and is never drawn for it; expert 4 and 8 are the technical replacements.
    /// </summary>
    public static readonly string[] FivePanel = ["expert1", "expert2", "expert3", "expert5", "expert6"];

    public static readonly string[] SevenPanel = ["expert1", "expert2", "expert3", "expert4", "expert5", "expert6", "expert7"];

    public static Dictionary<string, Dictionary<string, decimal>> GreenScores(params decimal[] totals) =>
        totals.Select((total, i) => (FivePanel[i], new Dictionary<string, decimal> { ["savings"] = total * 0.5m, ["technology"] = total * 0.3m, ["management"] = total * 0.2m }))
            .ToDictionary(x => x.Item1, x => x.Item2);
}
