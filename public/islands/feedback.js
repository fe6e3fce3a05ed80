// Feedback island for the public article page (components/feedback/feedback-form.tsx renders the form; it
// works without this script). Plain browser JavaScript, no framework, no build step: readers' pages ship no
// React runtime. It hides the reasons until "No" is chosen, sends the answer as JSON, shows errors beside
// their fields (keeping what was typed), and shows the thank-you in the page's one status region.
(function () {
  "use strict";
  var form = document.querySelector("form[data-feedback-form]");
  var thanks = document.getElementById("feedback-thanks");
  if (!form || !thanks || form.dataset.enhanced) return;

  var alertBox = form.querySelector("[data-feedback-error]");
  var reasons = form.querySelector("[data-feedback-reasons]");
  var button = form.querySelector('button[type="submit"]');
  var buttonLabel = button.textContent;
  var sending = false;

  // The thank-you text is put in when the answer is accepted, so the status region announces it then.
  if (location.hash !== "#feedback-thanks") thanks.replaceChildren();

  function syncReasons() {
    var no = form.querySelector('input[name="helpful"][value="no"]');
    reasons.hidden = !(no && no.checked);
  }
  form.addEventListener("change", function (event) {
    if (event.target && event.target.name === "helpful") syncReasons();
  });
  syncReasons();

  function clearErrors() {
    alertBox.hidden = true;
    form.querySelectorAll("[data-island-error]").forEach(function (el) {
      el.remove();
    });
    form.querySelectorAll("[data-field]").forEach(function (field) {
      field.removeAttribute("aria-invalid");
      var described = (field.getAttribute("aria-describedby") || "")
        .split(" ")
        .filter(function (id) {
          return id && !/^fb-.+-error$/.test(id);
        })
        .join(" ");
      if (described) field.setAttribute("aria-describedby", described);
      else field.removeAttribute("aria-describedby");
    });
  }

  function showErrors(message, fieldErrors) {
    alertBox.querySelector("p").textContent = message;
    alertBox.hidden = false;
    Object.keys(fieldErrors || {}).forEach(function (name) {
      var field = form.querySelector('[data-field="' + name + '"]');
      var messages = fieldErrors[name] || [];
      if (!messages.length) return;
      var note = document.createElement("p");
      note.className = "field-error";
      note.id = "fb-" + name + "-error";
      note.setAttribute("data-island-error", "");
      note.textContent = messages.join(" ");
      if (!field) {
        // Hidden fields (article or revision out of date): the message goes under the alert.
        note.textContent = "Please reload the article and answer again.";
        alertBox.after(note);
        return;
      }
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + note.id).trim());
      if (name === "reason") reasons.hidden = false;
      // After the field (the checkbox's label for consent).
      var anchor = field.closest("label") || field;
      anchor.after(note);
    });
    alertBox.focus();
  }

  function setSending(on) {
    sending = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
    button.disabled = on;
    if (on) {
      button.replaceChildren();
      var spinner = document.createElement("span");
      spinner.className = "spinner";
      spinner.setAttribute("aria-hidden", "true");
      button.append(spinner, " Sending…");
    } else {
      button.textContent = buttonLabel;
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return;
    var data = {};
    new FormData(form).forEach(function (value, key) {
      data[key] = value;
    });
    clearErrors();
    setSending(true);
    fetch(form.action, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(data),
    })
      .then(function (res) {
        return res
          .json()
          .catch(function () {
            return null;
          })
          .then(function (body) {
            setSending(false);
            if (res.ok) {
              var p = document.createElement("p");
              p.textContent = (body && body.message) || "Thank you for your feedback.";
              thanks.replaceChildren(p);
              thanks.classList.add("is-shown");
              form.hidden = true;
              thanks.focus();
            } else {
              var err = (body && body.error) || {};
              showErrors(err.message || "Your feedback could not be sent. Please try again.", err.fieldErrors);
            }
          });
      })
      .catch(function () {
        setSending(false);
        showErrors("We could not reach the server. Your answer is still here; please try again.", {});
      });
  });

  form.dataset.enhanced = "true";
})();
