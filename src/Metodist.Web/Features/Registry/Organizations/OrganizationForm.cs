using System.Net.Mail;
using Metodist.Web.Infrastructure.Auth;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Registry.Organizations;

public sealed class OrganizationForm
{
    public OrganizationKind Kind { get; set; }
    public string FullName { get; set; } = "";
    public string ShortName { get; set; } = "";
    public Guid? MunicipalityId { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Inn { get; set; }

    public static OrganizationForm From(Organization o) => new()
    {
        Kind = o.Kind, FullName = o.FullName, ShortName = o.ShortName, MunicipalityId = o.MunicipalityId,
        Address = o.Address, Phone = o.Phone, Email = o.Email, Inn = o.Inn,
    };

    public async Task<Dictionary<string, string>> ValidateAsync(AppDbContext db, UserScope scope, Guid? organizationId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        FullName = FullName?.Trim() ?? "";
        ShortName = ShortName?.Trim() ?? "";
        Address = Blank(Address);
        Phone = Blank(Phone);
        Email = Blank(Email);
        Inn = Blank(Inn);
        if (FullName.Length == 0) errors["FullName"] = "Укажите полное наименование.";
        if (ShortName.Length == 0) errors["ShortName"] = "Укажите краткое наименование.";
        if (!Enum.IsDefined(Kind)) errors["Kind"] = "Выберите тип организации.";
        if (MunicipalityId is not { } municipalityId) errors["MunicipalityId"] = "Выберите муниципалитет.";
        else if (!scope.CoversMunicipality(municipalityId)) errors["MunicipalityId"] = "Муниципалитет вне вашей области видимости.";
        if (Email is not null && !MailAddress.TryCreate(Email, out _)) errors["Email"] = "Адрес электронной почты указан неверно.";
        if (Phone is not null && Phone.Count(char.IsDigit) is < 6 or > 15) errors["Phone"] = "Телефон должен содержать от 6 до 15 цифр.";
        if (Inn is not null)
        {
            if (!Registry.Inn.IsValid(Inn)) errors["Inn"] = "ИНН должен состоять из 10 или 12 цифр и проходить проверку контрольных цифр.";
            else if (await db.Organizations.AnyAsync(o => o.Inn == Inn && o.Id != organizationId, ct)) errors["Inn"] = "Организация с таким ИНН уже есть в реестре.";
        }
        return errors;
    }

    public void ApplyTo(Organization o)
    {
        o.Kind = Kind;
        o.FullName = FullName;
        o.ShortName = ShortName;
        o.MunicipalityId = MunicipalityId!.Value;
        o.Address = Address;
        o.Phone = Phone;
        o.Email = Email;
        o.Inn = Inn;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
