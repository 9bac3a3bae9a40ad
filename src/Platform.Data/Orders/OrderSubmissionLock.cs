using Npgsql;

namespace Platform.Data.Orders;

/// <summary>
/// One submitter per order at a time, across processes: a PostgreSQL session-level advisory lock held on a connection
/// of its own for the duration of the submission. A crash closes the connection and frees the lock; the durable
/// attempt counter (written outside this lock's connection) tells the next submitter to look before creating.
/// Raw SQL because advisory locks have no EF Core API.
/// </summary>
public sealed class OrderSubmissionLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly Guid _orderId;

    private OrderSubmissionLock(NpgsqlConnection connection, Guid orderId)
    {
        _connection = connection;
        _orderId = orderId;
    }

    /// <returns>Null when another submitter holds the order right now.</returns>
    public static async Task<OrderSubmissionLock?> TryAcquireAsync(NpgsqlDataSource dataSource, Guid orderId, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('submit:' || @id, 0))", connection);
        command.Parameters.AddWithValue("id", orderId.ToString());
        if (await command.ExecuteScalarAsync(ct) is true)
            return new OrderSubmissionLock(connection, orderId);
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended('submit:' || @id, 0))", _connection);
            command.Parameters.AddWithValue("id", _orderId.ToString());
            await command.ExecuteScalarAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
