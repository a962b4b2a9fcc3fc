using Metodist.Tests.Infrastructure;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Registry;

public sealed class MigrationTests
{
    [Fact]
    public async Task EmptyDatabaseIsMigratedAndSeedsThePositionsDictionary()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Positions.CountAsync()).Should().BeGreaterThan(10);
        (await db.Subjects.AnyAsync(s => s.Name == "Математика")).Should().BeTrue();
    }
}
