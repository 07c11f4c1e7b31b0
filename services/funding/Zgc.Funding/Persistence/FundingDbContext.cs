using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Domain;
using Zgc.Messaging;
using Zgc.SharedKernel;

namespace Zgc.Funding.Persistence;

public abstract class FundingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<AnnualBudget> Budgets => Set<AnnualBudget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AnnualBudget>(e =>
        {
            e.ToTable("AnnualBudgets");
            e.HasKey(x => x.FiscalYear);
            e.Property(x => x.FiscalYear).ValueGeneratedNever();
            e.Property(x => x.Amount).HasConversion(v => v.Fen, v => Money.FromFen(v)).HasColumnName("AmountFen");
            e.Property(x => x.SetBy).HasMaxLength(128);
        });
    }
}

public sealed class SqliteFundingDbContext(DbContextOptions<SqliteFundingDbContext> options) : FundingDbContext(options);

public sealed class PostgresFundingDbContext(DbContextOptions<PostgresFundingDbContext> options) : FundingDbContext(options);

public sealed class SqlServerFundingDbContext(DbContextOptions<SqlServerFundingDbContext> options) : FundingDbContext(options);

internal sealed class SqliteFundingDesignFactory : Zgc.Persistence.SqliteDesignTimeFactory<SqliteFundingDbContext>;

internal sealed class PostgresFundingDesignFactory : Zgc.Persistence.PostgresDesignTimeFactory<PostgresFundingDbContext>;

internal sealed class SqlServerFundingDesignFactory : Zgc.Persistence.SqlServerDesignTimeFactory<SqlServerFundingDbContext>;
