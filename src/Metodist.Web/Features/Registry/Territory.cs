namespace Metodist.Web.Features.Registry;

/// <summary>A constituent entity of the Russian Federation served by one deployment's centre.</summary>
public sealed class Region
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? Code { get; set; }
    public List<District> Districts { get; set; } = [];
    public List<Municipality> Municipalities { get; set; } = [];
}

/// <summary>An intermunicipal district: an optional grouping of municipalities inside a region.</summary>
public sealed class District
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegionId { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
    public List<Municipality> Municipalities { get; set; } = [];
}

/// <summary>A city or district that runs its own schools.</summary>
public sealed class Municipality
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegionId { get; set; }
    public Region? Region { get; set; }
    public Guid? DistrictId { get; set; }
    public District? District { get; set; }
    public required string Name { get; set; }
    public List<Organization> Organizations { get; set; } = [];
}
