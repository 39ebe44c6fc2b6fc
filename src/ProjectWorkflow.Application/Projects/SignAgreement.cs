using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Enterprises;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Application.Projects;

public sealed record SignAgreementRequest(string? PayeeName, string? PayeeAccount);

/// <summary>
/// The enterprise signs the funding agreement (项目协议) of its approved project and names the account the
/// installments are paid to: the payee is the enterprise's registered name and the account one registered and
/// approved for it (<see cref="PayeeNotTheEnterpriseRule"/>, <see cref="AccountNotRegisteredRule"/>). The agreement
/// task of the process completes in the same transaction.
/// </summary>
public sealed partial class SignAgreement(ProjectWorkflowDbContext db, ApplicationAccess access, WorkflowCommands commands, TimeProvider time)
{
    public async Task<ApplicationView> HandleAsync(Guid id, SignAgreementRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var application = await access.OwnedAsync(id, actor, cancellationToken);
        ProjectFile.RequireStatus(application, ApplicationStatus.Approved, "Signing the agreement", "签署协议");
        var errors = new List<FieldError>();
        var name = request.PayeeName?.Trim() ?? "";
        var account = Regex.Replace(request.PayeeAccount ?? "", "[\\s-]", "");
        if (name.Length is 0 or > 300) errors.Add(FieldError.Of("payeeName", "Give the account holder's name as the bank knows it (at most 300 characters).", "请填写收款单位名称。"));
        if (!Account().IsMatch(account)) errors.Add(FieldError.Of("payeeAccount", "Give the bank account number: 8 to 34 digits (spaces and dashes are ignored).", "请填写收款账号。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        // Installments pay the enterprise itself, to an account registered (and approved) for it: nobody else.
        var enterprise = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == application.EnterpriseId, cancellationToken)
            ?? throw new ConflictException("The application's enterprise is not registered, so there is nobody the installments could be paid to.", "申报企业尚未登记，资金无法拨付。");
        var registeredAccount = await AccountNumbers.RegisteredAsync(db, enterprise.Id, cancellationToken);
        application.SignAgreement(name, account, enterprise.Name, registeredAccount, time.GetUtcNow());
        var task = await ProjectFile.OpenTaskAsync(db, application, "signAgreement", "The agreement is not waiting for a signature (it is signed already, or the process is elsewhere).", "协议当前无需签署（已签署，或流程不在签署环节）。", cancellationToken);
        await commands.RunAsync(actor, s => s.CompleteAsync(task, new JsonObject { ["payeeName"] = name }, cancellationToken), cancellationToken);
        return await ApplicationViews.OfAsync(db, application, cancellationToken);
    }

    [GeneratedRegex("^[0-9]{8,34}$")]
    private static partial Regex Account();
}
