using Microsoft.Extensions.DependencyInjection;
using ProjectWorkflow.Funding.Reviews;

namespace ProjectWorkflow.Application.Reviews;

public static class ReviewRegistration
{
    /// <summary>The expert pool and its draw, the expert panel's review (scores, recusals), objections to a published notice, a task's file and batch review.</summary>
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
        services.AddScoped<ReviewFile>();
        services.AddScoped<BatchReview>();
        services.AddScoped<PanelSeats>();
        return services;
    }
}
