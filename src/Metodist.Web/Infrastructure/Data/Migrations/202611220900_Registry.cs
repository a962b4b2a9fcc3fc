using Metodist.Web.Features.Registry;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Metodist.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Registry, accounts, audit, imports and key storage. Written by hand (see docs/adr/0002): column
/// types are left to each provider's mapping of the CLR type, so SQLite and PostgreSQL apply the same steps.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("202611220900_Registry")]
public sealed class Registry : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        m.CreateTable("Regions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Code = t.Column<string>(maxLength: 10, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Regions", x => x.Id));

        m.CreateTable("Districts", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Districts", x => x.Id);
            t.ForeignKey("FK_Districts_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Districts_RegionId", "Districts", "RegionId");

        m.CreateTable("Municipalities", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionId = t.Column<Guid>(nullable: false),
            DistrictId = t.Column<Guid>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Municipalities", x => x.Id);
            t.ForeignKey("FK_Municipalities_Regions_RegionId", x => x.RegionId, "Regions", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Municipalities_Districts_DistrictId", x => x.DistrictId, "Districts", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Municipalities_RegionId", "Municipalities", "RegionId");
        m.CreateIndex("IX_Municipalities_DistrictId", "Municipalities", "DistrictId");

        m.CreateTable("Organizations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            FullName = t.Column<string>(maxLength: 500, nullable: false),
            ShortName = t.Column<string>(maxLength: 200, nullable: false),
            Address = t.Column<string>(maxLength: 500, nullable: true),
            Phone = t.Column<string>(maxLength: 50, nullable: true),
            Email = t.Column<string>(maxLength: 200, nullable: true),
            Inn = t.Column<string>(maxLength: 12, nullable: true),
            SearchName = t.Column<string>(maxLength: 800, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Organizations", x => x.Id);
            t.ForeignKey("FK_Organizations_Municipalities_MunicipalityId", x => x.MunicipalityId, "Municipalities", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_Organizations_MunicipalityId", "Organizations", "MunicipalityId");
        m.CreateIndex("IX_Organizations_Inn", "Organizations", "Inn");
        m.CreateIndex("IX_Organizations_ShortName", "Organizations", "ShortName");

        m.CreateTable("Positions", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Positions", x => x.Id));
        m.CreateIndex("IX_Positions_Name", "Positions", "Name", unique: true);

        m.CreateTable("Subjects", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Subjects", x => x.Id));
        m.CreateIndex("IX_Subjects_Name", "Subjects", "Name", unique: true);

        m.CreateTable("Persons", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            LastName = t.Column<string>(maxLength: 100, nullable: false),
            FirstName = t.Column<string>(maxLength: 100, nullable: false),
            MiddleName = t.Column<string>(maxLength: 100, nullable: true),
            BirthDate = t.Column<DateOnly>(nullable: false),
            Email = t.Column<string>(maxLength: 200, nullable: true),
            Phone = t.Column<string>(maxLength: 50, nullable: true),
            Snils = t.Column<string>(maxLength: 14, nullable: true),
            Category = t.Column<string>(maxLength: 40, nullable: false),
            CategoryAssignedOn = t.Column<DateOnly>(nullable: true),
            NextAttestationDue = t.Column<DateOnly>(nullable: true),
            PedagogicalWorkStart = t.Column<DateOnly>(nullable: true),
            EducationLevel = t.Column<string>(maxLength: 40, nullable: true),
            Education = t.Column<string>(maxLength: 500, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            SearchName = t.Column<string>(maxLength: 320, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Persons", x => x.Id));
        m.CreateIndex("IX_Persons_Snils", "Persons", "Snils");
        m.CreateIndex("IX_Persons_LastName_FirstName_MiddleName", "Persons", ["LastName", "FirstName", "MiddleName"]);
        // The list counts and filters by these columns after a name search: with them (and the id, for the
        // employment checks) in one index, SQLite scans the index alone instead of every row. A separate
        // birth-date index is left out on purpose: SQLite would pick it for "young teachers" and read
        // a third of the table through it.
        m.CreateIndex("IX_Persons_SearchName_Category_BirthDate_PedagogicalWorkStart_NextAttestationDue_Id", "Persons",
            ["SearchName", "Category", "BirthDate", "PedagogicalWorkStart", "NextAttestationDue", "Id"]);
        // «Name contains …» is answered from a trigram index instead of reading every name (docs/adr/0006).
        if (m.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            m.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            m.Sql("CREATE INDEX \"IX_Persons_SearchName_Trigram\" ON \"Persons\" USING gin (\"SearchName\" gin_trgm_ops);");
        }
        else
        {
            // SQLite: an FTS5 index with the trigram tokenizer over the folded names, kept in step by
            // triggers (so bulk inserts are covered too). It points at rows by rowid, which VACUUM may
            // renumber; the app rebuilds it on start (Startup.MigrateAsync).
            m.Sql("CREATE VIRTUAL TABLE \"PersonSearch\" USING fts5(\"SearchName\", content = 'Persons', content_rowid = 'rowid', tokenize = 'trigram');");
            m.Sql("CREATE TRIGGER \"Persons_Search_Insert\" AFTER INSERT ON \"Persons\" BEGIN " +
                  "INSERT INTO \"PersonSearch\" (rowid, \"SearchName\") VALUES (new.rowid, new.\"SearchName\"); END;");
            m.Sql("CREATE TRIGGER \"Persons_Search_Delete\" AFTER DELETE ON \"Persons\" BEGIN " +
                  "INSERT INTO \"PersonSearch\" (\"PersonSearch\", rowid, \"SearchName\") VALUES ('delete', old.rowid, old.\"SearchName\"); END;");
            m.Sql("CREATE TRIGGER \"Persons_Search_Update\" AFTER UPDATE OF \"SearchName\" ON \"Persons\" BEGIN " +
                  "INSERT INTO \"PersonSearch\" (\"PersonSearch\", rowid, \"SearchName\") VALUES ('delete', old.rowid, old.\"SearchName\"); " +
                  "INSERT INTO \"PersonSearch\" (rowid, \"SearchName\") VALUES (new.rowid, new.\"SearchName\"); END;");
        }
        m.CreateIndex("IX_Persons_NextAttestationDue", "Persons", "NextAttestationDue");

        m.CreateTable("Employments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: false),
            OrganizationId = t.Column<Guid>(nullable: false),
            MunicipalityId = t.Column<Guid>(nullable: false),
            PositionId = t.Column<Guid>(nullable: false),
            IsMain = t.Column<bool>(nullable: false),
            StartDate = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Employments", x => x.Id);
            t.ForeignKey("FK_Employments_Persons_PersonId", x => x.PersonId, "Persons", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Employments_Organizations_OrganizationId", x => x.OrganizationId, "Organizations", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Employments_Positions_PositionId", x => x.PositionId, "Positions", "Id", onDelete: ReferentialAction.Restrict);
        });
        // Person first: the scope filter asks "has this person a post in these municipalities or organizations?"
        // per person; without it SQLite walks the whole municipality's employments for every person.
        m.CreateIndex("IX_Employments_PersonId_MunicipalityId_OrganizationId", "Employments", ["PersonId", "MunicipalityId", "OrganizationId"]);
        m.CreateIndex("IX_Employments_OrganizationId", "Employments", "OrganizationId");
        m.CreateIndex("IX_Employments_MunicipalityId", "Employments", "MunicipalityId");
        m.CreateIndex("IX_Employments_PositionId", "Employments", "PositionId");

        m.CreateTable("EmploymentSubjects", t => new
        {
            EmploymentId = t.Column<Guid>(nullable: false),
            SubjectId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_EmploymentSubjects", x => new { x.EmploymentId, x.SubjectId });
            t.ForeignKey("FK_EmploymentSubjects_Employments_EmploymentId", x => x.EmploymentId, "Employments", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_EmploymentSubjects_Subjects_SubjectId", x => x.SubjectId, "Subjects", "Id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("IX_EmploymentSubjects_SubjectId", "EmploymentSubjects", "SubjectId");

        CreateIdentityTables(m);

        m.CreateTable("RoleAssignments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            Role = t.Column<string>(maxLength: 40, nullable: false),
            ScopeId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_RoleAssignments", x => x.Id);
            t.ForeignKey("FK_RoleAssignments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_RoleAssignments_UserId", "RoleAssignments", "UserId");

        m.CreateTable("AuditEntries", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            UserId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            EntityType = t.Column<string>(maxLength: 100, nullable: false),
            EntityId = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            Action = t.Column<string>(maxLength: 20, nullable: false),
            Field = t.Column<string>(maxLength: 100, nullable: true),
            OldValue = t.Column<string>(nullable: true),
            NewValue = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));
        m.CreateIndex("IX_AuditEntries_PersonId", "AuditEntries", "PersonId");
        m.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");

        m.CreateTable("ImportJobs", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            DryRun = t.Column<bool>(nullable: false),
            ValidOnly = t.Column<bool>(nullable: false),
            FileName = t.Column<string>(maxLength: 400, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            UserId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            MunicipalityScopeId = t.Column<Guid>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            StartedAt = t.Column<DateTime>(nullable: true),
            FinishedAt = t.Column<DateTime>(nullable: true),
            Total = t.Column<int>(nullable: false),
            Processed = t.Column<int>(nullable: false),
            Imported = t.Column<int>(nullable: false),
            Created = t.Column<int>(nullable: false),
            Updated = t.Column<int>(nullable: false),
            ErrorCount = t.Column<int>(nullable: false),
            BadRows = t.Column<int>(nullable: false),
            HeartbeatAt = t.Column<DateTime>(nullable: true),
            ErrorsJson = t.Column<string>(nullable: false),
            Message = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ImportJobs", x => x.Id));
        m.CreateIndex("IX_ImportJobs_Status", "ImportJobs", "Status");

        m.CreateTable("DataProtectionKeys", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            FriendlyName = t.Column<string>(maxLength: 200, nullable: false),
            Xml = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        // Without a model snapshot the data operations need the store types spelled out per provider.
        var postgres = m.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
        var guid = postgres ? "uuid" : "TEXT";
        var text = postgres ? "character varying(200)" : "TEXT";
        var integer = postgres ? "integer" : "INTEGER";
        var order = 0;
        foreach (var (id, name) in RegistryTitles.DefaultPositions)
            m.InsertData("Positions", ["Id", "Name", "SortOrder"], [guid, text, integer], [id, name, ++order]);
        foreach (var (id, name) in RegistryTitles.DefaultSubjects)
            m.InsertData("Subjects", ["Id", "Name"], [guid, text], [id, name]);
    }

    private static void CreateIdentityTables(MigrationBuilder m)
    {
        m.CreateTable("AspNetUsers", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            PersonId = t.Column<Guid>(nullable: true),
            DisplayName = t.Column<string>(maxLength: 300, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedUserName = t.Column<string>(maxLength: 256, nullable: true),
            Email = t.Column<string>(maxLength: 256, nullable: true),
            NormalizedEmail = t.Column<string>(maxLength: 256, nullable: true),
            EmailConfirmed = t.Column<bool>(nullable: false),
            PasswordHash = t.Column<string>(nullable: true),
            SecurityStamp = t.Column<string>(nullable: true),
            ConcurrencyStamp = t.Column<string>(nullable: true),
            PhoneNumber = t.Column<string>(nullable: true),
            PhoneNumberConfirmed = t.Column<bool>(nullable: false),
            TwoFactorEnabled = t.Column<bool>(nullable: false),
            LockoutEnd = t.Column<DateTimeOffset>(nullable: true),
            LockoutEnabled = t.Column<bool>(nullable: false),
            AccessFailedCount = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AspNetUsers", x => x.Id));
        m.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        m.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        m.CreateIndex("IX_AspNetUsers_PersonId", "AspNetUsers", "PersonId");

        m.CreateTable("AspNetUserClaims", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            UserId = t.Column<Guid>(nullable: false),
            ClaimType = t.Column<string>(nullable: true),
            ClaimValue = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
            t.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        m.CreateTable("AspNetUserLogins", t => new
        {
            LoginProvider = t.Column<string>(nullable: false),
            ProviderKey = t.Column<string>(nullable: false),
            ProviderDisplayName = t.Column<string>(nullable: true),
            UserId = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
            t.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        m.CreateTable("AspNetUserTokens", t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            LoginProvider = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
            t.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        foreach (var table in new[]
                 {
                     "DataProtectionKeys", "ImportJobs", "AuditEntries", "RoleAssignments", "AspNetUserTokens", "AspNetUserLogins",
                     "AspNetUserClaims", "AspNetUsers", "EmploymentSubjects", "Employments", "Persons", "Subjects", "Positions",
                     "Organizations", "Municipalities", "Districts", "Regions",
                 })
        {
            m.DropTable(table);
        }
    }
}
