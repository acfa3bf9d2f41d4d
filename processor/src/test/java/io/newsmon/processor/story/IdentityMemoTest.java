package io.newsmon.processor.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityMemoTest {

  /** A memo of joining a list's strings that counts its computations. */
  private static IdentityMemo<List<String>, String> joining(AtomicInteger calls) {
    return new IdentityMemo<>(64, l -> {
      calls.incrementAndGet();
      return String.join("+", l);
    });
  }

  @Test
  void anArgumentInItsSlotIsNotComputedAgain() {
    AtomicInteger calls = new AtomicInteger();
    IdentityMemo<List<String>, String> memo = joining(calls);
    List<String> a = List.of("x", "y");
    String first = memo.get(a);
    assertEquals("x+y", first);
    assertSame(first, memo.get(a));
    assertEquals(1, calls.get());
  }

  @Test
  void anEqualArgumentInAnotherObjectIsComputedAgainToAnEqualValue() {
    AtomicInteger calls = new AtomicInteger();
    IdentityMemo<List<String>, String> memo = joining(calls);
    List<String> a = new ArrayList<>(List.of("x", "y"));
    List<String> b = new ArrayList<>(List.of("x", "y"));
    assertEquals(memo.get(a), memo.get(b));
    assertEquals(2, calls.get());
  }

  @Test
  void valuesStayRightWhenArgumentsShareSlots() {
    // one slot: every new argument replaces the last, and each still gets its own value
    IdentityMemo<List<String>, Integer> memo = new IdentityMemo<>(1, List::size);
    assertEquals(1, memo.slots());
    List<List<String>> args = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      List<String> l = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        l.add("w" + j);
      }
      args.add(l);
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < args.size(); i++) {
        assertEquals(i, memo.get(args.get(i)));
      }
    }
  }

  @Test
  void nullIsComputedNotTakenForAnEmptySlot() {
    IdentityMemo<String, String> memo = new IdentityMemo<>(8, s -> s == null ? "none" : s);
    assertEquals("none", memo.get(null));
    assertEquals("none", memo.get(null));
  }

  @Test
  void slotsAreRoundedUpToAPowerOfTwo() {
    assertEquals(8, new IdentityMemo<String, String>(5, s -> s).slots());
    assertEquals(4096, new IdentityMemo<String, String>(4096, s -> s).slots());
    assertThrows(IllegalArgumentException.class, () -> new IdentityMemo<String, String>(0, s -> s));
  }
}
