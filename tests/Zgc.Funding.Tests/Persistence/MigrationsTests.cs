using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Persistence;

namespace Zgc.Funding.Tests.Persistence;

/// <summary>Every provider's migrations match the model: a model change without a migration fails here.</summary>
public class MigrationsTests
{
    [Fact]
    public void Sqlite_has_no_pending_model_changes()
    {
        using var db = new SqliteFundingDesignFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_has_no_pending_model_changes()
    {
        using var db = new PostgresFundingDesignFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_has_no_pending_model_changes()
    {
        using var db = new SqlServerFundingDesignFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
