package org.teachertraining.core.credit;

/** Port: where recorded completions wait to be posted (the credit-posting queue). */
public interface CompletionQueue {
    void send(Completion completion);
}
