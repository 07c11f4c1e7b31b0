using Microsoft.EntityFrameworkCore;
using Zgc.Audit.Persistence;

namespace Zgc.Audit.Tests;

/// <summary>Every provider's audit migrations match the model: a model change without a migration fails here.</summary>
public class MigrationsTests
{
    [Fact]
    public void Sqlite_has_no_pending_model_changes()
    {
        using var db = new SqliteAuditDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_has_no_pending_model_changes()
    {
        using var db = new PostgresAuditDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_has_no_pending_model_changes()
    {
        using var db = new SqlServerAuditDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
