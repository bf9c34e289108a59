package dev.bookings.questions.entity;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.businesses.entity.BusinessItem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bookingCustomQuestion: a question with its kind of answer and, for radio buttons, the options. */
@Entity
@Table(name = "custom_question")
public class CustomQuestion extends BusinessItem {

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "answer_input_type", nullable = false)
    private String answerInputType = "text";

    @Column(name = "answer_options_json")
    private String answerOptionsJson;

    protected CustomQuestion() {
    }

    public CustomQuestion(String id, BookingBusiness business, OffsetDateTime now) {
        super(id, business, now);
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String displayName) {
        this.displayName = displayName;
    }

    public String answerInputType() {
        return answerInputType;
    }

    public void answerInputType(String answerInputType) {
        this.answerInputType = answerInputType;
    }

    public String answerOptionsJson() {
        return answerOptionsJson;
    }

    public void answerOptionsJson(String answerOptionsJson) {
        this.answerOptionsJson = answerOptionsJson;
    }
}
