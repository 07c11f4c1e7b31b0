using Microsoft.EntityFrameworkCore;
using Zgc.Intake.Persistence;

namespace Zgc.Intake.Tests.Persistence;

/// <summary>Every provider's migrations match the model: a model change without a migration fails here.</summary>
public class MigrationsTests
{
    [Fact]
    public void Sqlite_has_no_pending_model_changes()
    {
        using var db = new SqliteIntakeDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_has_no_pending_model_changes()
    {
        using var db = new PostgresIntakeDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_has_no_pending_model_changes()
    {
        using var db = new SqlServerIntakeDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
