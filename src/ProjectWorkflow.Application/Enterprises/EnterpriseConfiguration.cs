using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.ToTable("Enterprises");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Uscc).HasMaxLength(18).IsFixedLength().IsRequired();
        builder.Property(e => e.Name).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Address).HasMaxLength(500).IsRequired();
        builder.Property(e => e.RegisteredBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(e => e.Uscc).IsUnique();
        builder.HasMany(e => e.Members).WithOne().HasForeignKey(m => m.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EnterpriseMemberConfiguration : IEntityTypeConfiguration<EnterpriseMember>
{
    public void Configure(EntityTypeBuilder<EnterpriseMember> builder)
    {
        builder.ToTable("EnterpriseMembers");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.UserName).HasMaxLength(256).IsRequired();
        builder.HasIndex(m => m.UserName).IsUnique();
    }
}
