using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ProjectWorkflow.Web.Auth;

/// <summary>
/// Sign-in attempts are rate limited with ASP.NET Core's rate limiter, per client address (the <see cref="Policy"/>
/// on <c>POST /api/auth/token</c> and <c>POST /account/login</c>) and per user name (<see cref="TryAcquireForUser"/>,
/// which needs the name from the body), each a fixed window from <c>Auth:SignInLimits</c>. Beyond the limit the answer
/// is 429 problem+json with <c>Retry-After</c>: guessing passwords, or locking an officer out, takes time.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    public const string Policy = "sign-in";

    private readonly PartitionedRateLimiter<string> _perUserName;

    public SignInLimits(IOptions<AuthSettings> settings)
    {
        var limits = settings.Value.SignInLimits;
        _perUserName = PartitionedRateLimiter.Create<string, string>(name =>
            RateLimitPartition.GetFixedWindowLimiter(name, _ => Window(limits.PerUserName, limits.WindowSeconds)));
    }

    /// <summary>A lease for one attempt at <paramref name="userName"/>; not acquired when the name has had its share.</summary>
    public RateLimitLease TryAcquireForUser(string userName) =>
        _perUserName.AttemptAcquire(userName.Trim().ToUpperInvariant()[..Math.Min(userName.Trim().Length, 256)]);

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddSingleton<SignInLimits>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) => RefuseAsync(context.HttpContext, context.Lease);
            options.AddPolicy(Policy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<AuthSettings>>().Value.SignInLimits;
                var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => Window(limits.PerAddress, limits.WindowSeconds));
            });
        });
        return services;
    }

    /// <summary>The 429 answer: problem+json naming when to try again, with <c>Retry-After</c> in seconds.</summary>
    public static async ValueTask RefuseAsync(HttpContext http, RateLimitLease lease)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many sign-in attempts",
                Detail = $"Too many sign-in attempts; try again in {seconds} seconds.",
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits, int seconds) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromSeconds(Math.Max(1, seconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose() => _perUserName.Dispose();
}

public static class SignInLimitsSetup
{
    public static IServiceCollection AddSignInLimits(this IServiceCollection services) => SignInLimits.Register(services);
}
