using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ProjectWorkflow.Web.Errors;

/// <summary>
/// How large a request body may be: <c>Requests:MaxBodyBytes</c> (default 1 MiB) for every route, unless the route
/// declares its own limit with <see cref="RequestBodyLimit.WithBodyLimit{TBuilder}"/> (file uploads, BPMN files).
/// A larger body is answered 413 problem+json before anything reads it: at once when it declares its length, after
/// reading at most the limit when it is chunked. Kestrel is told the same limit, so it stops reading too.
/// </summary>
public sealed record BodyLimit(string? Setting, long DefaultBytes, long OverheadBytes = 0)
{
    public long BytesIn(IConfiguration configuration) =>
        (Setting is null ? DefaultBytes : configuration.GetValue(Setting, DefaultBytes)) + OverheadBytes;
}

public static class RequestBodyLimit
{
    public const string Setting = "Requests:MaxBodyBytes";
    public const long DefaultBytes = 1024 * 1024;

    /// <summary>This route takes bodies up to the value of <paramref name="setting"/> (or <paramref name="defaultBytes"/>) plus <paramref name="overheadBytes"/>.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, string? setting, long defaultBytes, long overheadBytes = 0) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(setting, defaultBytes, overheadBytes));

    public static WebApplication UseRequestBodyLimit(this WebApplication app)
    {
        var configuration = app.Configuration;
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            {
                await next(http);
                return;
            }
            var declared = http.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>();
            var limit = declared?.BytesIn(configuration) ?? configuration.GetValue(Setting, DefaultBytes);
            var settingName = declared is null ? Setting : declared.Setting;

            if (request.ContentLength is { } length && length > limit)
            {
                await TooLargeAsync(http, $"The body is {length:N0} bytes; this address takes at most {limit:N0} bytes{Named(settingName)}.");
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = limit;
            if (request.ContentLength is null)
            {
                // A body without a declared length is read up to the limit first (buffered to disk past 64 KiB).
                request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
                try
                {
                    await request.Body.DrainAsync(http.RequestAborted);
                }
                catch (IOException)
                {
                    await TooLargeAsync(http, $"The body is larger than the {limit:N0} bytes this address takes{Named(settingName)}.");
                    return;
                }
                request.Body.Position = 0;
            }
            await next(http);
        });
        return app;
    }

    private static string Named(string? setting) => setting is null ? "" : $" (setting {setting})";

    private static async Task TooLargeAsync(HttpContext http, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request is too large",
            Detail = detail,
        };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(http, problem);
    }
}
