using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Enterprises;

public static class EnterpriseRegistration
{
    /// <summary>Enterprises and their members (colleagues invited and accepted), their bank accounts (requested, decided) and the demo enterprise.</summary>
    public static IServiceCollection AddEnterprises(this IServiceCollection services)
    {
        services.AddScoped<EnterpriseDirectory>();
        services.AddScoped<DemoEnterpriseSeed>();
        services.AddScoped<RequestBankAccount>();
        services.AddScoped<DecideBankAccount>();
        services.AddScoped<ListBankAccounts>();
        services.AddScoped<RecordCreditSanction>();
        services.AddScoped<ListCreditSanctions>();
        services.AddScoped<InviteColleague>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ListInvitations>();
        return services;
    }
}
