using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Zgc.Persistence;

// `dotnet ef migrations add` needs to build each provider's context without a running host.
// A service declares one three-line subclass per provider; the connection strings below are
// never opened (generating a migration does not touch a database).

public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        Create<TContext>(new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options);

    internal static T Create<T>(DbContextOptions<T> options) where T : DbContext =>
        (T)(Activator.CreateInstance(typeof(T), options) ?? throw new InvalidOperationException($"Cannot create {typeof(T).Name}."));
}

public abstract class PostgresDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        SqliteDesignTimeFactory<TContext>.Create(new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}

public abstract class SqlServerDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        SqliteDesignTimeFactory<TContext>.Create(new DbContextOptionsBuilder<TContext>().UseSqlServer("Server=localhost;Database=design_time;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
