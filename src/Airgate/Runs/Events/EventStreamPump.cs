using System.Threading.Channels;

namespace Airgate.Runs.Events;

/// <summary>Writes a subscriber's frames to the response as they come, and a keep-alive comment when none came for a while.</summary>
internal static class EventStreamPump
{
    /// <summary>Returns when the frames end (the run ended, the queue overflowed) or the client leaves.</summary>
    public static async Task RunAsync(HttpResponse response, ChannelReader<string> frames, TimeSpan keepAlive, TimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            bool more;
            using (var idle = new CancellationTokenSource(keepAlive, time))
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token))
            {
                try
                {
                    more = await frames.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await response.WriteAsync(SseFrames.KeepAlive, cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }
            }

            if (!more)
            {
                return;
            }

            while (frames.TryRead(out var frame))
            {
                await response.WriteAsync(frame, cancellationToken);
            }

            await response.Body.FlushAsync(cancellationToken);
        }
    }
}
