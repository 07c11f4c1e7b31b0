using MassTransit;
using MassTransit.SagaStateMachine;

namespace Zgc.Workflows.Lifecycle;

/// <summary>
/// The state machine's transitions, read from MassTransit's own graph of the configured machine, so the picture can
/// never drift from the code. MassTransit's graph joins states through shared event vertices; a transition here is
/// "from a state that handles the event, to a state the event leads to" (an event that moves nothing is a self-loop).
/// </summary>
public sealed class LifecycleGraph
{
    public sealed record Transition(string From, string Event, string To);

    private LifecycleGraph(IReadOnlyList<string> states, IReadOnlyList<Transition> transitions)
    {
        States = states;
        Transitions = transitions;
    }

    /// <summary>States in breadth-first order from Initial, which is also the drawing order.</summary>
    public IReadOnlyList<string> States { get; }

    public IReadOnlyList<Transition> Transitions { get; }

    public static LifecycleGraph Of(PlatformLifecycleStateMachine machine)
    {
        var graph = machine.GetGraph();
        var stateTitles = graph.Vertices.Where(v => v.VertexType == typeof(State)).Select(v => v.Title).ToHashSet(StringComparer.Ordinal);
        var transitions = new List<Transition>();
        foreach (var eventVertex in graph.Vertices.Where(v => v.VertexType == typeof(Event)))
        {
            var sources = graph.Edges.Where(e => e.To.Equals(eventVertex) && stateTitles.Contains(e.From.Title)).Select(e => e.From.Title).Distinct().ToList();
            var targets = graph.Edges.Where(e => e.From.Equals(eventVertex) && stateTitles.Contains(e.To.Title)).Select(e => e.To.Title).Distinct().ToList();
            foreach (var source in sources)
            {
                foreach (var target in targets.Count == 0 ? [source] : targets)
                {
                    transitions.Add(new Transition(source, eventVertex.Title, target));
                }
            }
        }

        transitions = transitions.Distinct().OrderBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.Event, StringComparer.Ordinal).ToList();
        return new LifecycleGraph(Order(stateTitles, transitions), transitions);
    }

    private static List<string> Order(HashSet<string> states, List<Transition> transitions)
    {
        var ordered = new List<string>();
        var queue = new Queue<string>();
        if (states.Contains("Initial"))
        {
            queue.Enqueue("Initial");
        }

        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            ordered.Add(state);
            foreach (var next in transitions.Where(t => t.From == state).Select(t => t.To))
            {
                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        ordered.AddRange(states.Where(s => !seen.Contains(s)).Order(StringComparer.Ordinal));
        return ordered;
    }
}
