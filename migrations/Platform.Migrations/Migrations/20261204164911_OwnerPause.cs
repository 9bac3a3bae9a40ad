using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class OwnerPause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "PausedByOwner",
                schema: "app",
                table: "Tenants",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // A shop suspended before this column, and not by an operator, was paused by its owner.
            migrationBuilder.Sql("""UPDATE app."Tenants" SET "PausedByOwner" = true WHERE "Status" = 'Suspended' AND NOT "SuspendedByOperator";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PausedByOwner",
                schema: "app",
                table: "Tenants");
        }
    }
}
