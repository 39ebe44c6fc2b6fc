using Microsoft.Extensions.DependencyInjection;

namespace ProjectWorkflow.Application.PublicNotice;

public static class PublicNoticeRegistration
{
    /// <summary>The public notice (名单公示) anyone reads without signing in.</summary>
    public static IServiceCollection AddPublicNotice(this IServiceCollection services) => services.AddScoped<ListPublicNotice>();
}
