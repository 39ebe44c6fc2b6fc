namespace ProjectWorkflow.Web.Tests.Operations;

/// <summary>
/// A test that needs a real S3-compatible server it may stop and start: skipped, saying so, when <c>PW_TEST_S3</c> (and
/// its control variables) are not set (a plain <c>dotnet test</c>); <c>infra/scripts/test.sh</c> always starts s3rver
/// and sets them.
/// </summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (!TestBucket.IsAvailable)
            Skip = $"Needs an S3-compatible server: set {TestBucket.AddressVariable} (e.g. http://127.0.0.1:4568), {TestBucket.ControlVariable} "
                + $"(infra/scripts/s3.sh) and {TestBucket.DirectoryVariable} (its folder); infra/scripts/test.sh starts s3rver and sets them.";
    }
}
