namespace ProjectWorkflow.Web.PublicNotice;

/// <summary>The public notice (名单公示) at /notice: anyone reads it without signing in.</summary>
public static class PublicNoticePages
{
    public static IEndpointRouteBuilder MapPublicNoticePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/notice", () => Portal.PortalPageResult.Page<PublicNoticePage>()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
