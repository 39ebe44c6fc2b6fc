using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ProjectWorkflow.Web.Idempotency;

/// <summary>SHA-256 of method, path, query and body: what "the same request" means for a retried key.</summary>
internal static class RequestFingerprint
{
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{Target(request)}\n"));

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        request.Body.Position = 0;

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string Target(HttpRequest request) =>
        $"{request.PathBase}{request.Path}{request.QueryString}";
}
