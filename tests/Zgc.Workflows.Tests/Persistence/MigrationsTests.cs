using Microsoft.EntityFrameworkCore;
using Zgc.Workflows.Persistence;

namespace Zgc.Workflows.Tests.Persistence;

/// <summary>Every provider's migrations match the model: a model change without a migration fails here.</summary>
public class MigrationsTests
{
    [Fact]
    public void Sqlite_has_no_pending_model_changes()
    {
        using var db = new SqliteWorkflowsDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Postgres_has_no_pending_model_changes()
    {
        using var db = new PostgresWorkflowsDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqlServer_has_no_pending_model_changes()
    {
        using var db = new SqlServerWorkflowsDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
    }
}
