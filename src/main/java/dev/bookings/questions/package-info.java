/**
 * A business's {@code customQuestions}: what its services may ask customers when they book. Services reference
 * them ({@code customQuestions: [{questionId, isRequired}]}); appointments' customers answer them.
 * Stands on {@code services}, {@code businesses} and the ground.
 */
package dev.bookings.questions;
