using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding;

namespace ProjectWorkflow.Application.Vouchers;

public sealed record OfferServiceRequest(string? SchemeKey, int? Year, string? ItemKey, long? PriceFen);

/// <summary>A provider lists (or reprices) a catalogue item of a voucher scheme it offers.</summary>
public sealed class OfferService(ProjectWorkflowDbContext db, VoucherRuleSets ruleSets, VoucherAccess access, AuditTrail audit)
{
    public async Task<ServiceProviderView> HandleAsync(Guid providerId, OfferServiceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.SchemeKey is not { Length: > 0 and <= 64 }) errors.Add(FieldError.Of("schemeKey", "Name the voucher scheme.", "请选择券种。"));
        if (request.Year is not (>= 2000 and <= 2100)) errors.Add(FieldError.Of("year", "The year of the catalogue, 2000 to 2100.", "请填写服务目录的年度（2000 至 2100）。"));
        if (request.ItemKey is not { Length: > 0 and <= 64 }) errors.Add(FieldError.Of("itemKey", "Name the catalogue item.", "请选择目录服务项目。"));
        if (request.PriceFen is not (> 0 and <= Money.MaxFen)) errors.Add(FieldError.Of("priceFen", "The price, in positive integer fen.", "请填写价格（分，正整数）。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var provider = await access.OwnProviderAsync(providerId, actor, cancellationToken);
        var rules = await ruleSets.ForAsync(request.SchemeKey!, request.Year!.Value, cancellationToken);
        var item = rules.FindItem(request.ItemKey!) ?? throw InvalidRequestException.For("itemKey", $"'{request.ItemKey}' is not in the {rules.SchemeKey} {rules.Year} catalogue.", $"“{request.ItemKey}”不在 {rules.SchemeKey} {rules.Year} 年服务目录中。");
        var listed = provider.Services.Any(s => s.SchemeKey == rules.SchemeKey && s.ItemKey == item.Key);
        var service = provider.Offer(rules.SchemeKey, item, new Money(request.PriceFen!.Value));
        // A service new to a provider already stored is inserted: its key is set by the domain, so EF's change detection
        // would take it for a stored row and update nothing (answered as a conflict before).
        if (!listed) db.Add(service);
        audit.Record("voucher-provider.service-offered", "voucher-provider", provider.Id.ToString(), detail: $"{rules.SchemeKey} {item.Key} at {request.PriceFen} fen");
        await ProviderStanding.SaveAsync(db, cancellationToken);
        return ServiceProviderView.Of(provider);
    }
}
