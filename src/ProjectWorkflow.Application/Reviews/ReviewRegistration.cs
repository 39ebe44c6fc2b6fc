using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.Reviews;

public static class ReviewRegistration
{
    /// <summary>The expert panel's review (scores, recusals) and objections to a published notice.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddScoped<PanelReview>();
        services.AddScoped<Objections>();
        return services;
    }
}
