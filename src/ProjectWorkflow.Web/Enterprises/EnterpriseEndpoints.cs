using System.Security.Claims;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Web.Auth;
using ProjectWorkflow.Web.Workflows;

namespace ProjectWorkflow.Web.Enterprises;

public static class EnterpriseEndpoints
{
    public static RouteGroupBuilder MapEnterprises(this RouteGroupBuilder api)
    {
        var enterprises = api.MapGroup("/enterprises").WithTags("Enterprises");

        enterprises.MapPost("/", async (RegisterEnterpriseRequest request, ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
            {
                var registered = await directory.RegisterAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/enterprises/{registered.Id}", registered);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Register the enterprise you act for, by its unified social credit code (enterprise users)");

        enterprises.MapGet("/mine", async (ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
                await directory.MineAsync(ActorOf.User(user), ct) is { } mine
                    ? Results.Ok(mine)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                        detail: "You do not act for a registered enterprise yet: register it with POST /api/enterprises."))
            .WithSummary("The enterprise you act for");

        enterprises.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await directory.GetAsync(id, ActorOf.User(user), ct)))
            .WithSummary("One enterprise (its own users, and the fund's staff)");

        enterprises.MapGet("/", async (ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
                TypedResults.Ok(await directory.ListAsync(ActorOf.User(user), ct)))
            .WithSummary("Every registered enterprise (the fund's staff)");

        enterprises.MapPost("/mine/bank-accounts", async (RequestBankAccountRequest request, ClaimsPrincipal user, RequestBankAccount ask, CancellationToken ct) =>
            {
                var asked = await ask.HandleAsync(request, ActorOf.User(user), ct);
                return TypedResults.Created($"/api/enterprises/{asked.EnterpriseId}/bank-accounts", asked);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Enterprise))
            .WithSummary("Ask to register (or change) the bank account your enterprise is paid to; finance or an administrator approves it (enterprise users)");

        enterprises.MapGet("/bank-accounts/pending", async (ClaimsPrincipal user, ListBankAccounts list, CancellationToken ct) =>
                TypedResults.Ok(await list.PendingAsync(ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(DecideBankAccount.Deciders))
            .WithSummary("Bank account requests waiting for a decision (finance, admin; numbers masked for admins)");

        enterprises.MapGet("/{id:guid}/bank-accounts", async (Guid id, ClaimsPrincipal user, ListBankAccounts list, CancellationToken ct) =>
                TypedResults.Ok(await list.OfEnterpriseAsync(id, ActorOf.User(user), ct)))
            .WithSummary("An enterprise's bank accounts: registered, asked for, rejected, replaced (its own users, and the fund's staff, masked except for finance)");

        enterprises.MapPost("/{id:guid}/bank-accounts/{accountId:guid}/decision",
                async (Guid id, Guid accountId, DecideBankAccountRequest request, ClaimsPrincipal user, DecideBankAccount decide, CancellationToken ct) =>
                    TypedResults.Ok(await decide.HandleAsync(id, accountId, request, ActorOf.User(user), ct)))
            .RequireAuthorization(policy => policy.RequireRole(DecideBankAccount.Deciders))
            .WithSummary("Approve ({ approve: true }) or reject ({ approve: false, reason }) a bank account request (finance, admin; never the one who asked)");

        var sanctions = api.MapGroup("/credit-sanctions").WithTags("Enterprises");

        sanctions.MapPost("/", async (RecordCreditSanctionRequest request, RecordCreditSanction record, CancellationToken ct) =>
            {
                var recorded = await record.HandleAsync(request, ct);
                return TypedResults.Created($"/api/credit-sanctions/{recorded.Id}", recorded);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithSummary("Record a credit sanction (失信惩戒) from the credit platform on an enterprise (USCC) or a project leader (identity number), until a day: submissions are refused and payments held (administrators)");

        sanctions.MapGet("/", async (ListCreditSanctions list, CancellationToken ct) => TypedResults.Ok(await list.AllAsync(ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Staff))
            .WithSummary("Every credit sanction on record (the fund's staff)");

        enterprises.MapGet("/{id:guid}/credit-sanctions", async (Guid id, ClaimsPrincipal user, ListCreditSanctions list, CancellationToken ct) =>
                TypedResults.Ok(await list.OfEnterpriseAsync(id, ActorOf.User(user), ct)))
            .WithSummary("The credit sanctions on an enterprise and its project leaders, with dates and grounds (its own users, and the fund's staff)");

        return api;
    }
}
