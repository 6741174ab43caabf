package org.teachertraining.adapters.sqs;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.credit.Completion;
import org.teachertraining.core.credit.CreditCategory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A completion goes to the queue in parts of at most ten results: one invocation of ten messages posts at most 100 trainees. */
class SqsCompletionQueueTest {
    static Completion of(int trainees) {
        var results = IntStream.range(0, trainees)
                .mapToObj(i -> new Completion.Result("T" + i, Completion.Outcome.PASSED, Map.of(CreditCategory.CENTRALIZED, 8), null)).toList();
        return new Completion("C-1", "P-1", "HENU", results, "henu", Instant.parse("2020-10-27T02:00:00Z"));
    }

    @Test
    void aCompletionIsSentInPartsOfAtMostTenResults_inItsOrder() {
        assertEquals(List.of(1), sizes(of(1)));
        assertEquals(List.of(10), sizes(of(10)));
        assertEquals(List.of(10, 1), sizes(of(11)));
        assertEquals(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), sizes(of(100)));
        var parts = SqsCompletionQueue.parts(of(25));
        assertEquals(IntStream.range(0, 25).mapToObj(i -> "T" + i).toList(),
                parts.stream().flatMap(p -> p.results().stream()).map(Completion.Result::teacherId).toList());
        for (var p : parts) {
            assertEquals(List.of("C-1", "P-1", "HENU", "henu", Instant.parse("2020-10-27T02:00:00Z")),
                    List.of(p.completionId(), p.projectId(), p.institutionId(), p.recordedBy(), p.recordedAt()));
        }
    }

    /** A completion without results (refused before it is sent) would still be one message, as it was. */
    @Test
    void anEmptyCompletionIsOneMessage() {
        assertEquals(List.of(0), sizes(of(0)));
    }

    static List<Integer> sizes(Completion c) {
        return SqsCompletionQueue.parts(c).stream().map(p -> p.results().size()).toList();
    }
}
