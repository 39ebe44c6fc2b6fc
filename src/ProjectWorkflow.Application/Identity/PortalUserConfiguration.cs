using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ProjectWorkflow.Application.Identity;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Organisation).HasMaxLength(200);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        // Identity indexes the normalized name; the application names users as they are spelt (task candidates, assignees,
        // notification recipients: the staff check and the mail addresses of every task command, the copied-on and
        // deputy look-ups), so that is indexed too — without it each of those reads scans every user (applicants included).
        builder.HasIndex(u => u.UserName);
    }
}
