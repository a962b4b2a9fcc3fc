using Metodist.Web.Infrastructure.Web;

namespace Metodist.Web.Features.Asset;

/// <summary>The load of a regional methodist against their norm (their own, or the region's).</summary>
public static class AssetLoad
{
    public static int NormOf(int? own, int regionNorm) => own is > 0 ? own.Value : regionNorm;

    public static bool IsOverloaded(int assigned, int norm) => assigned > norm;

    /// <summary>The load in percent of the norm (0 when there is no norm to compare with).</summary>
    public static int Percent(int assigned, int norm) => norm <= 0 ? 0 : (int)Math.Round(100.0 * assigned / norm, MidpointRounding.AwayFromZero);

    /// <summary>The class of the load bar: green up to 90 % of the norm, orange up to the norm, red above it.</summary>
    public static string BarClass(int assigned, int norm) =>
        IsOverloaded(assigned, norm) ? "bar pronounced" : Percent(assigned, norm) >= 90 ? "bar partial" : "bar none";

    /// <summary>The width of the load bar in pixels: 100 px is the norm, an overload shows up to half as much again.</summary>
    public static int BarWidth(int assigned, int norm) => Math.Clamp(Percent(assigned, norm), 2, 150);

    /// <summary>The warning about an overload, or null when the methodist is within the norm.</summary>
    public static string? Warning(string name, int assigned, int norm) => IsOverloaded(assigned, norm)
        ? $"{name}: {Teachers(assigned)} при норме {Format.Number(norm)} — перегрузка на {Format.Number(assigned - norm)}."
        : null;

    public static string Teachers(int n) => Format.Count(n, "педагог", "педагога", "педагогов");
}

/// <summary>An active methodist as the bulk distribution sees them: the load now, the norm, and the municipalities they serve.</summary>
public sealed record DistributionMethodist(Guid Id, string Name, int Assigned, int Norm, IReadOnlySet<Guid> Municipalities);

/// <summary>A teacher to distribute and the municipality they work in.</summary>
public sealed record DistributionTeacher(Guid Id, Guid MunicipalityId);

/// <summary>The outcome of a distribution: who goes to whom, who was left, each methodist's load after it, and the warnings.</summary>
public sealed record DistributionPlan(
    IReadOnlyList<(Guid TeacherId, Guid MethodistId)> Assignments,
    IReadOnlyList<Guid> Uncovered,
    IReadOnlyList<Guid> LeftOver,
    IReadOnlyDictionary<Guid, int> LoadAfter,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Distributes teachers among the active methodists who serve their municipality: each teacher goes to the least loaded of
/// them (by share of the norm) who is still under the norm. When all of them are full, the teacher goes to the least
/// loaded anyway and the overload is warned about, or, with <c>upToNorm</c>, stays unassigned.
/// </summary>
public static class AssetDistribution
{
    public static DistributionPlan Plan(IReadOnlyList<DistributionMethodist> methodists, IReadOnlyList<DistributionTeacher> teachers, bool upToNorm)
    {
        var load = methodists.ToDictionary(m => m.Id, m => m.Assigned);
        var serving = methodists.SelectMany(m => m.Municipalities.Select(municipality => (municipality, m)))
            .GroupBy(x => x.municipality)
            .ToDictionary(g => g.Key, g => g.Select(x => x.m).ToList());
        var assignments = new List<(Guid, Guid)>();
        var uncovered = new List<Guid>();
        var leftOver = new List<Guid>();
        // The teachers with the fewest methodists to choose from go first, so that the others can go where there is room.
        var ordered = teachers.Select((t, i) => (Teacher: t, Index: i, Options: serving.GetValueOrDefault(t.MunicipalityId)?.Count ?? 0))
            .OrderBy(x => x.Options).ThenBy(x => x.Index);
        foreach (var (teacher, _, _) in ordered)
        {
            if (!serving.TryGetValue(teacher.MunicipalityId, out var options))
            {
                uncovered.Add(teacher.Id);
                continue;
            }
            var withRoom = options.Where(m => load[m.Id] < m.Norm).ToList();
            if (withRoom.Count == 0 && upToNorm)
            {
                leftOver.Add(teacher.Id);
                continue;
            }
            var chosen = (withRoom.Count > 0 ? withRoom : options)
                .OrderBy(m => Ratio(load[m.Id], m.Norm)).ThenBy(m => load[m.Id]).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Id)
                .First();
            load[chosen.Id]++;
            assignments.Add((teacher.Id, chosen.Id));
        }

        var warnings = new List<string>();
        foreach (var m in methodists.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (load[m.Id] > m.Assigned && AssetLoad.Warning(m.Name, load[m.Id], m.Norm) is { } warning) warnings.Add(warning);
        }
        if (uncovered.Count > 0)
            warnings.Add($"Для {Format.Count(uncovered.Count, "педагога", "педагогов", "педагогов")} нет действующего методиста по этому предмету на их территории: они остаются без методиста.");
        if (leftOver.Count > 0)
            warnings.Add($"{AssetLoad.Teachers(leftOver.Count)} {Format.Plural(leftOver.Count, "остался", "остались", "остались")} без методиста: все методисты их территории заполнены до нормы.");
        return new DistributionPlan(assignments, uncovered, leftOver, load, warnings);
    }

    private static double Ratio(int load, int norm) => norm <= 0 ? double.MaxValue : (double)load / norm;
}
