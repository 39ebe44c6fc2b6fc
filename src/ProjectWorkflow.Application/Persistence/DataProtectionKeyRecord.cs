using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Persistence;

/// <summary>
/// One key of the portal's data-protection key ring (it signs and encrypts the sign-in cookie and antiforgery tokens),
/// kept in the database so that every node reads the same ring: a cookie one node issued is good on any other, and a
/// node that is replaced loses nothing. The XML is ASP.NET Core's own key document, stored as it is written.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public const int MaxFriendlyNameLength = 255;

    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}

internal sealed class DataProtectionKeyRecordConfiguration : IEntityTypeConfiguration<DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRecord> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(DataProtectionKeyRecord.MaxFriendlyNameLength);
        builder.Property(k => k.Xml).IsRequired();
    }
}
