using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

public static class ReviewRegistration
{
    /// <summary>The expert pool and its draw, the expert panel's review (scores, recusals) and objections to a published notice.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton<IPanelLottery, SecureLottery>();
        services.AddScoped<ExpertPool>();
        services.AddScoped<ListExperts>();
        services.AddScoped<SaveExpert>();
        services.AddScoped<RelateExpert>();
        services.AddScoped<UnrelateExpert>();
        services.AddScoped<PanelReview>();
        services.AddScoped<Objections>();
        return services;
    }
}
