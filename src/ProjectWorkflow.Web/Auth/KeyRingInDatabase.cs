using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;

namespace ProjectWorkflow.Web.Auth;

/// <summary>
/// The data-protection key ring in the database (<see cref="DataProtectionKeyRecord"/>): every node of a cluster signs
/// and reads portal cookies and antiforgery tokens with the same keys, and a restarted or replaced node keeps them.
/// A node that meets a key it has not loaded yet (another node made it) reloads the ring by itself.
/// </summary>
public sealed class KeyRingInDatabase(IServiceScopeFactory scopes, DatabaseReady database) : IXmlRepository
{
    // The ring is first read by the first request that needs a cookie; the table exists once the database is migrated.
    private static readonly TimeSpan SchemaWait = TimeSpan.FromMinutes(2);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        WaitForSchema();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        return db.Set<DataProtectionKeyRecord>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        WaitForSchema();
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ProjectWorkflowDbContext>();
        var name = friendlyName.Length > DataProtectionKeyRecord.MaxFriendlyNameLength ? friendlyName[..DataProtectionKeyRecord.MaxFriendlyNameLength] : friendlyName;
        db.Add(new DataProtectionKeyRecord { FriendlyName = name, Xml = element.ToString(SaveOptions.DisableFormatting) });
        scope.ServiceProvider.GetRequiredService<AuditTrail>()
            .Record("data-protection.key-created", "data-protection-key", name, detail: "the portal's cookie and antiforgery key ring gained a key");
        db.SaveChanges();
    }

    private void WaitForSchema()
    {
        // The schema, not the whole startup: the gate opens only after the demo applications are seeded, and
        // data protection's own hosted service reads the ring while the host starts.
        if (database.IsReady) return;
        if (!database.WaitAsync(CancellationToken.None).Wait(SchemaWait))
            throw new InvalidOperationException("The data-protection key ring is in the database, which was not ready within two minutes.");
    }
}
