using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Funding.Vouchers;

public enum ServiceProviderStatus
{
    /// <summary>Registered, waiting for an administrator to vet it.</summary>
    Registered,
    Vetted,

    /// <summary>Takes no new orders; running ones finish.</summary>
    Suspended,
}

/// <summary>
/// A service provider (服务机构) that sells catalogue services for vouchers: registered by its USCC, vetted by an
/// administrator, suspended and reinstated with reasons, its services listed with prices. Related to a buyer (same
/// USCC, same legal representative, shared control) it cannot serve that buyer.
/// </summary>
public sealed class ServiceProvider
{
    private readonly List<ProviderService> _services = [];

    private ServiceProvider() { }

    public Guid Id { get; private set; }
    public string Uscc { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string LegalRepresentative { get; private set; } = "";
    public string? Controller { get; private set; }

    /// <summary>The account settlements are paid to.</summary>
    public string BankName { get; private set; } = "";
    public string AccountNumber { get; private set; } = "";
    public ServiceProviderStatus Status { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public string? VettedBy { get; private set; }
    public DateTimeOffset? VettedAt { get; private set; }

    /// <summary>The reason of the last suspension or reinstatement.</summary>
    public string? StatusReason { get; private set; }
    public string? StatusChangedBy { get; private set; }
    public DateTimeOffset? StatusChangedAt { get; private set; }
    public long Version { get; private set; }

    public IReadOnlyList<ProviderService> Services => _services;
    public VoucherParty Party => new(Uscc, LegalRepresentative, Controller);
    public bool TakesOrders => Status == ServiceProviderStatus.Vetted;

    public static ServiceProvider Register(Enterprises.Uscc uscc, string name, string legalRepresentative, string? controller,
        string bankName, string accountNumber, string registeredBy, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Uscc = uscc.Value,
        Name = name.Trim(),
        LegalRepresentative = legalRepresentative.Trim(),
        Controller = string.IsNullOrWhiteSpace(controller) ? null : controller.Trim(),
        BankName = bankName.Trim(),
        AccountNumber = new string(accountNumber.Where(char.IsLetterOrDigit).ToArray()),
        Status = ServiceProviderStatus.Registered,
        RegisteredBy = registeredBy,
        RegisteredAt = now,
    };

    public void Vet(string by, DateTimeOffset now)
    {
        if (Status != ServiceProviderStatus.Registered) throw new VoucherTransitionException($"{Name} is already vetted.");
        Status = ServiceProviderStatus.Vetted;
        VettedBy = by;
        VettedAt = now;
        Version++;
    }

    public void Suspend(string reason, string by, DateTimeOffset now)
    {
        if (Status != ServiceProviderStatus.Vetted) throw new VoucherTransitionException($"Only a vetted provider is suspended; {Name} is {Status.ToString().ToLowerInvariant()}.");
        Change(ServiceProviderStatus.Suspended, reason, by, now);
    }

    public void Reinstate(string reason, string by, DateTimeOffset now)
    {
        if (Status != ServiceProviderStatus.Suspended) throw new VoucherTransitionException($"Only a suspended provider is reinstated; {Name} is {Status.ToString().ToLowerInvariant()}.");
        Change(ServiceProviderStatus.Vetted, reason, by, now);
    }

    /// <summary>Lists (or reprices) a catalogue item the provider offers.</summary>
    public ProviderService Offer(string schemeKey, CatalogueItem item, Money price)
    {
        if (price.Fen <= 0) throw new ArgumentOutOfRangeException(nameof(price), price, "A service has a positive price.");
        var service = _services.FirstOrDefault(s => s.SchemeKey == schemeKey && s.ItemKey == item.Key);
        if (service is null) _services.Add(service = new ProviderService(Id, schemeKey, item, price));
        else service.Reprice(price);
        Version++;
        return service;
    }

    /// <summary>
    /// Whether the provider may take a new order from <paramref name="buyer"/>: refused by ProviderSuspended (not vetted
    /// or suspended) and RelatedProvider (same USCC, legal representative or controller).
    /// </summary>
    public void EnsureMayServe(VoucherParty buyer) =>
        Check.Rules(
            new ProviderSuspendedRule(Name, Status != ServiceProviderStatus.Registered, Status == ServiceProviderStatus.Suspended, StatusReason),
            new RelatedProviderRule(Name, Party.RelationTo(buyer)));

    private void Change(ServiceProviderStatus status, string reason, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("Give the reason.", nameof(reason));
        Status = status;
        StatusReason = reason.Trim();
        StatusChangedBy = by;
        StatusChangedAt = now;
        Version++;
    }
}

/// <summary>A catalogue item a provider offers, at its price.</summary>
public sealed class ProviderService
{
    private ProviderService() { }

    internal ProviderService(Guid providerId, string schemeKey, CatalogueItem item, Money price)
    {
        Id = Guid.NewGuid();
        ProviderId = providerId;
        SchemeKey = schemeKey;
        ItemKey = item.Key;
        NameZh = item.NameZh;
        NameEn = item.NameEn;
        PriceFen = price.Fen;
    }

    public Guid Id { get; private set; }
    public Guid ProviderId { get; private set; }
    public string SchemeKey { get; private set; } = "";
    public string ItemKey { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public long PriceFen { get; private set; }

    internal void Reprice(Money price) => PriceFen = price.Fen;
}
