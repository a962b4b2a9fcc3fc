using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Infrastructure.Imports;

public sealed record MunicipalityRef(Guid Id, string Name);

public sealed record OrganizationRef(Guid Id, Guid MunicipalityId, string ShortName, string FullName, string? Inn);

/// <summary>
/// The registry dictionaries an import matches names against, loaded once per import: territories,
/// organizations, positions and subjects, keyed by <see cref="ImportText.Key"/>.
/// </summary>
public sealed class RegistryLookup
{
    private static readonly HashSet<string> MunicipalityWords =
        ["г", "город", "гор", "городской", "муниципальный", "округ", "район", "рн", "мо", "го", "мр", "мун", "образование"];

    private readonly Dictionary<string, List<MunicipalityRef>> _municipalitiesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MunicipalityRef>> _municipalitiesByLooseKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrganizationRef>> _organizationsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrganizationRef>> _organizationsByInn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Guid Id, string Name)> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Guid Id, string Name)> _subjects = new(StringComparer.Ordinal);

    public Dictionary<Guid, MunicipalityRef> Municipalities { get; } = [];
    public Dictionary<Guid, OrganizationRef> Organizations { get; } = [];
    public Dictionary<Guid, string> PositionNames { get; } = [];
    public Dictionary<Guid, string> SubjectNames { get; } = [];

    public static async Task<RegistryLookup> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var lookup = new RegistryLookup();
        foreach (var m in await db.Municipalities.AsNoTracking().Select(m => new MunicipalityRef(m.Id, m.Name)).ToListAsync(ct))
            lookup.AddMunicipality(m);
        foreach (var o in await db.Organizations.AsNoTracking()
                     .Select(o => new OrganizationRef(o.Id, o.MunicipalityId, o.ShortName, o.FullName, o.Inn)).ToListAsync(ct))
            lookup.AddOrganization(o);
        foreach (var p in await db.Positions.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
        {
            lookup._positions.TryAdd(ImportText.Key(p.Name), (p.Id, p.Name));
            lookup.PositionNames[p.Id] = p.Name;
        }
        foreach (var s in await db.Subjects.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            lookup.AddSubject(s.Id, s.Name);
        return lookup;
    }

    private void AddMunicipality(MunicipalityRef m)
    {
        Municipalities[m.Id] = m;
        Add(_municipalitiesByKey, ImportText.Key(m.Name), m);
        Add(_municipalitiesByLooseKey, LooseMunicipalityKey(m.Name), m);
    }

    public void AddOrganization(OrganizationRef o)
    {
        if (Organizations.TryGetValue(o.Id, out var previous))
        {
            Remove(_organizationsByName, ImportText.Key(previous.ShortName), previous.Id);
            Remove(_organizationsByName, ImportText.Key(previous.FullName), previous.Id);
            if (previous.Inn is { Length: > 0 } oldInn) Remove(_organizationsByInn, oldInn, previous.Id);
        }
        Organizations[o.Id] = o;
        Add(_organizationsByName, ImportText.Key(o.ShortName), o);
        if (ImportText.Key(o.FullName) != ImportText.Key(o.ShortName)) Add(_organizationsByName, ImportText.Key(o.FullName), o);
        if (o.Inn is { Length: > 0 } inn) Add(_organizationsByInn, inn, o);
    }

    public void AddSubject(Guid id, string name)
    {
        _subjects.TryAdd(ImportText.Key(name), (id, name));
        SubjectNames[id] = name;
    }

    private static void Add<T>(Dictionary<string, List<T>> index, string key, T value)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }

    private static void Remove(Dictionary<string, List<OrganizationRef>> index, string key, Guid id)
    {
        if (index.TryGetValue(key, out var list)) list.RemoveAll(o => o.Id == id);
    }

    /// <summary>The municipality name without words like «г.», «район», «городской округ», for a second try.</summary>
    private static string LooseMunicipalityKey(string name)
    {
        var words = name.ToLowerInvariant().Split([' ', '.', ',', '-', '(', ')', '«', '»', '"'], StringSplitOptions.RemoveEmptyEntries);
        return ImportText.Key(string.Concat(words.Where(w => !MunicipalityWords.Contains(w.Replace('ё', 'е')))));
    }

    public MunicipalityRef? FindMunicipality(string name, out string? error)
    {
        error = null;
        if (_municipalitiesByKey.TryGetValue(ImportText.Key(name), out var exact) && exact.Count == 1) return exact[0];
        if (_municipalitiesByLooseKey.TryGetValue(LooseMunicipalityKey(name), out var loose) && loose.Count == 1) return loose[0];
        error = (exact?.Count ?? loose?.Count ?? 0) > 1
            ? $"Муниципалитетов с названием «{name}» несколько; уточните название."
            : $"Муниципалитет «{name}» не найден в реестре. Допустимые названия: {string.Join(", ", Municipalities.Values.Select(m => m.Name).Order(StringComparer.Ordinal).Take(40))}.";
        return null;
    }

    public IReadOnlyList<OrganizationRef> OrganizationsByName(string name) =>
        _organizationsByName.TryGetValue(ImportText.Key(name), out var list) ? list : [];

    public IReadOnlyList<OrganizationRef> OrganizationsByInn(string inn) =>
        _organizationsByInn.TryGetValue(inn, out var list) ? list : [];

    public (Guid Id, string Name)? FindPosition(string name) => _positions.TryGetValue(ImportText.Key(name), out var p) ? p : null;

    public IEnumerable<string> AllPositionNames => PositionNames.Values;

    public (Guid Id, string Name)? FindSubject(string name) => _subjects.TryGetValue(ImportText.Key(name), out var s) ? s : null;
}
